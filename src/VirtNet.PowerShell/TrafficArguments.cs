using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>
    /// Lets -Flow take what New-VNFlow emits in any combination: one flow list, several (from a pipeline of
    /// sources or an array), single flows (after Where-Object), or a mix, joined into one list.
    /// </summary>
    public sealed class FlowListTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = Unwrap(inputData);
            if (value is VNFlowList) return value;
            var parts = value is IEnumerable items && !(value is string)
                ? items.Cast<object>().Select(Unwrap).ToList()
                : new List<object> { value };
            try { return VNFlowList.Combine(parts); }
            catch (VirtNetException e) { throw new ArgumentTransformationMetadataException(e.Message, e); }
        }

        static object Unwrap(object value) => value is PSObject ps ? ps.BaseObject : value;
    }

    /// <summary>Lets -Destination take endpoints (Add-VNEndpoint) beside addresses and ranges: an endpoint stands for its address.</summary>
    public sealed class DestinationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is IEnumerable items && !(value is string))
                return items.Cast<object>().Select(ToDestination).ToArray();
            return new[] { ToDestination(value) };
        }

        static string ToDestination(object item)
        {
            var value = item is PSObject ps ? ps.BaseObject : item;
            return value is VNEndpoint endpoint ? endpoint.IPAddress.ToString() : value?.ToString();
        }
    }

    /// <summary>
    /// Reports a simulation's progress with Write-Progress, but only once it has run for a second: quick runs stay
    /// quiet.
    /// </summary>
    internal sealed class SlowProgress : System.IProgress<SimulationProgress>
    {
        readonly Cmdlet _cmdlet;
        readonly string _activity;
        readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
        bool _shown;

        public SlowProgress(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
        }

        public void Report(SimulationProgress value)
        {
            if (_clock.Elapsed.TotalSeconds < 1) return;
            _shown = true;
            _cmdlet.WriteProgress(new ProgressRecord(1, _activity, value.Status) { PercentComplete = value.PercentComplete });
        }

        public void Complete()
        {
            if (_shown) _cmdlet.WriteProgress(new ProgressRecord(1, _activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
