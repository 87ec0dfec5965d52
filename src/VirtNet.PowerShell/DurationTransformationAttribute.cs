using System;
using System.Globalization;
using System.Management.Automation;

namespace VirtNet.Commands
{
    /// <summary>
    /// Lets a TimeSpan parameter take seconds as well (cmdlets.md: durations are TimeSpan or seconds):
    /// a number or numeric string is seconds (15, 1.5, '15'); a TimeSpan, or text such as '00:00:15', is used as is.
    /// Range checks belong to the core (InvalidTimer); this only converts.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DurationTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case TimeSpan span:
                    return span;
                case string text:
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double textSeconds))
                        return FromSeconds(textSeconds, text);
                    // Plain "15" would parse as 15 days, so numbers are handled above and only h:m:s forms get here.
                    if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var parsed))
                        return parsed;
                    break;
                case IConvertible number when !(value is Enum) && IsNumber(number.GetTypeCode()):
                    return FromSeconds(number.ToDouble(CultureInfo.InvariantCulture), value);
            }
            throw new ArgumentTransformationMetadataException(
                $"'{value ?? "null"}' is not a duration. Use seconds, such as 15, or a TimeSpan, such as (New-TimeSpan -Seconds 15) or '00:00:15'.");
        }

        static bool IsNumber(TypeCode code) => code >= TypeCode.SByte && code <= TypeCode.Decimal;

        static TimeSpan FromSeconds(double seconds, object original)
        {
            if (double.IsNaN(seconds) || Math.Abs(seconds) >= TimeSpan.MaxValue.TotalSeconds)
                throw new ArgumentTransformationMetadataException(
                    $"'{original}' is not a duration in seconds. Use a number of seconds, such as 15.");
            return TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        }
    }
}
