using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using VirtNet.Import.PowerCli;

namespace VirtNet.Commands
{
    /// <summary>Turns PowerCLI networking objects (live, or read back from CliXml, JSON or CSV) into hosts.</summary>
    [Cmdlet(VerbsData.ConvertFrom, "VNPowerCLI")]
    [OutputType(typeof(VNHost))]
    public sealed class ConvertFromVNPowerCLICommand : VNImportCmdlet
    {
        readonly List<PowerCliObject> _objects = new List<PowerCliObject>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject[] InputObject { get; set; }

        [Parameter]
        public string HostName { get; set; }

        [Parameter]
        public string Version { get; set; }

        protected override void BeginProcessing()
        {
            if (!string.IsNullOrEmpty(Version)) Fatal(() => HostVersion.Parse(Hypervisor.Esx, Version));
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? new PSObject[0])
            {
                if (item == null) continue;
                // A whole ConvertFrom-Json array arrives as one object in Windows PowerShell: take its items.
                if (item.BaseObject is object[] array)
                {
                    foreach (var inner in array.Where(i => i != null)) ForInput(() => Add(PSObject.AsPSObject(inner)), $"input object {_objects.Count + 1}");
                    continue;
                }
                ForInput(() => Add(item), $"input object {_objects.Count + 1}");
            }
        }

        void Add(PSObject item)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in item.Properties)
            {
                // ExtensionData is the raw vSphere object: large, and nothing the conversion reads.
                if (property.Name == "ExtensionData") continue;
                try
                {
                    properties[property.Name] = Simplify(property.Value, nested: false);
                    if (property.Name == "VMHost" && property.Value != null && PSObject.AsPSObject(property.Value).Properties["Version"]?.Value is object version)
                        properties[PowerCliImport.VMHostVersion] = (version + " " + PSObject.AsPSObject(property.Value).Properties["Build"]?.Value).Trim();
                }
                catch (Exception e) when (e is GetValueException || e is ExtendedTypeSystemException)
                {
                    WriteVerbose($"Property {property.Name} of input object {_objects.Count + 1} cannot be read: {e.Message}");
                }
            }
            _objects.Add(new PowerCliObject($"input object {_objects.Count + 1}", properties));
        }

        /// <summary>Strings, booleans, numbers and lists as they are; enums by name; another object by its Name.</summary>
        static object Simplify(object value, bool nested)
        {
            // The wrapper holds the properties of a PSCustomObject and of a deserialized object, so it is kept for them.
            var wrapper = value as PSObject;
            var inner = wrapper?.BaseObject ?? value;
            switch (inner)
            {
                case null: return null;
                case string _: case bool _: case int _: case long _: case double _: return inner;
                case Enum e: return e.ToString();
                case decimal d: return (double)d;
                case IEnumerable items when !nested && !(inner is IDictionary): return items.Cast<object>().Select(i => Simplify(i, true)).ToArray();
            }
            if (inner.GetType().IsPrimitive) return Convert.ToString(inner, System.Globalization.CultureInfo.InvariantCulture);
            var name = (wrapper ?? PSObject.AsPSObject(inner)).Properties["Name"]?.Value;
            return name != null ? Convert.ToString(name, System.Globalization.CultureInfo.InvariantCulture) : inner.ToString();
        }

        protected override void EndProcessing()
        {
            if (_objects.Count == 0) return;
            ForInput(() =>
            {
                var result = PowerCliImport.Convert(_objects, string.IsNullOrEmpty(HostName) ? null : HostName, string.IsNullOrEmpty(Version) ? null : Version);
                WriteWarnings(result.Warnings);
                WriteVerbose($"Converted {_objects.Count} PowerCLI object(s) into {result.Hosts.Count} host(s).");
                WriteKept(result.Hosts);
            }, BuiltFrom(_objects.Select(o => o.Source)));
        }
    }
}
