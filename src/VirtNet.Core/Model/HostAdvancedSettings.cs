using System;
using System.Collections.Generic;
using System.Globalization;

namespace VirtNet
{
    /// <summary>
    /// The host advanced settings VirtNet simulates (ESXi Advanced System Settings, esxcli system settings advanced).
    /// Names compare case-insensitively and are kept in the canonical spelling; a name the model does not know is an
    /// error rather than a setting silently ignored.
    /// </summary>
    public static class HostAdvancedSettings
    {
        /// <summary>
        /// Net.TeamPolicyUpDelay: milliseconds a host waits after an uplink's link comes up before its teams use it
        /// again; default 100 (VMware KB 2014075, Broadcom KB 312558 and 410008). The first up event at boot is not
        /// delayed. Vendors raise it above the switch port's spanning-tree listening and learning time so that
        /// failback does not land on a blocked port (Cisco HyperFlex installation guide: 30000).
        /// </summary>
        public const string TeamPolicyUpDelay = "Net.TeamPolicyUpDelay";

        public const int DefaultTeamPolicyUpDelayMs = 100;
        /// <summary>The largest delay accepted: 10 minutes, beyond any value vendors publish (600000 in Broadcom's NSX example).</summary>
        public const int MaxTeamPolicyUpDelayMs = 600000;

        /// <summary>The settings the model knows, in canonical spelling.</summary>
        public static IReadOnlyList<string> Names { get; } = new[] { TeamPolicyUpDelay };

        /// <summary>The canonical name for <paramref name="name"/>, also in esxcli's option path form (/Net/TeamPolicyUpDelay).</summary>
        public static string Canonical(string name)
        {
            var key = (name ?? "").Trim().TrimStart('/').Replace('/', '.');
            foreach (var known in Names)
                if (string.Equals(known, key, StringComparison.OrdinalIgnoreCase)) return known;
            throw new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                $"'{name}' is not a host advanced setting VirtNet knows. Known: {string.Join(", ", Names)}.", name);
        }

        /// <summary>Parses a value for the setting: an integer of ASCII digits within its bounds.</summary>
        public static int ParseValue(string name, object value)
        {
            var canonical = Canonical(name);
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
            bool digits = text.Length > 0 && text.Length <= 9;
            foreach (var c in text) digits &= c >= '0' && c <= '9';
            int ms = digits ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : -1;
            if (ms < 0 || ms > MaxTeamPolicyUpDelayMs)
                throw new VirtNetException(ErrorIds.InvalidAdvancedSetting, VirtNetErrorKind.InvalidArgument,
                    $"Host advanced setting {canonical} = '{value}' is not valid: give whole milliseconds from 0 to {MaxTeamPolicyUpDelayMs} " +
                    $"(default {DefaultTeamPolicyUpDelayMs}).", value);
            return ms;
        }
    }
}
