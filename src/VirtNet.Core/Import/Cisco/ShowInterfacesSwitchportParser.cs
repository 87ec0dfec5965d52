using System;
using System.Linq;
using System.Text.RegularExpressions;
using VirtNet.Net;

namespace VirtNet.Import.Cisco
{
    /// <summary>
    /// Reads "show interfaces switchport": one record per port, "Name: Gi1/0/1" then "Key: value" lines. The model
    /// takes Switchport (Disabled: a routed port), Administrative and Operational Mode, Access Mode VLAN, Trunking
    /// Native Mode VLAN and Trunking VLANs Enabled, whose long lists IOS wraps onto indented continuation lines. A
    /// dynamic (DTP) port is what it negotiated: its Operational Mode. The other fields (encapsulation, voice and
    /// private VLANs, pruning, capture, protection, unknown unicast and multicast blocking, appliance trust) are
    /// passed over: the model has no place for them.
    /// </summary>
    sealed class ShowInterfacesSwitchportParser
    {
        static readonly Regex Field = new Regex(@"^(?<key>[A-Za-z][A-Za-z0-9 ()/.-]*?):\s*(?<value>.*)$", RegexOptions.CultureInvariant);
        static readonly Regex LeadingNumber = new Regex(@"^(?<n>[0-9]{1,4})\b", RegexOptions.CultureInvariant);

        readonly SwitchFacts _facts;
        readonly ParseContext _context;
        PortFacts _port;
        string _adminMode;
        ExportLine _adminLine;
        string _lastKey;

        public ShowInterfacesSwitchportParser(SwitchFacts facts, ParseContext context)
        {
            _facts = facts;
            _context = context;
        }

        public static bool Starts(ExportLine line) => line.Text.StartsWith("Name: ", StringComparison.Ordinal);

        public void Take(ExportLine line)
        {
            var m = Field.Match(line.Text);
            if (!m.Success)
            {
                // A wrapped VLAN list, or a line such as "Capture Mode Disabled" that has no colon.
                if (_lastKey == "trunking vlans enabled" && _port != null && line.Indent > 0) AddAllowed(line, line.Text);
                return;
            }
            var key = m.Groups["key"].Value.Trim().ToLowerInvariant();
            var value = m.Groups["value"].Value.Trim();
            _lastKey = key;
            switch (key)
            {
                case "name":
                    End();
                    if (!SwitchPortName.TryNormalize(value, out var shortName, out _))
                    {
                        _context.Warn(line, $"'{Echo.Cut(value)}' is not an interface name such as Gi1/0/1; its record is skipped.");
                        _port = null;
                        return;
                    }
                    // A port channel's record repeats what its members say; the model keeps the settings on the members.
                    _port = shortName.StartsWith("Po", StringComparison.Ordinal) ? null : _facts.Port(shortName, _context.At(line));
                    return;
                case "switchport":
                    if (_port != null && value.Equals("Disabled", StringComparison.OrdinalIgnoreCase)) _port.Routed = true;
                    return;
                case "administrative mode":
                    _adminMode = value.ToLowerInvariant();
                    _adminLine = line;
                    return;
                case "operational mode":
                    if (_port == null || _adminMode == null) return;
                    var mode = ModeOf(_adminMode) ?? (_adminMode.StartsWith("dynamic", StringComparison.Ordinal) ? ModeOf(value.ToLowerInvariant()) : null);
                    if (mode.HasValue) _port.Mode = mode;
                    else _context.Warn(_adminLine, $"{_port.Name}: mode '{Echo.Cut(_adminMode)}' (operational '{Echo.Cut(value)}') is neither access nor trunk; the mode is skipped.");
                    _adminMode = null;
                    return;
                case "access mode vlan":
                    if (_port != null && VLan(line, value) is int access) _port.AccessVLan = access;
                    return;
                case "trunking native mode vlan":
                    if (_port != null && VLan(line, value) is int native) _port.NativeVLan = native;
                    return;
                case "trunking vlans enabled":
                    if (_port == null) return;
                    if (value.Equals("ALL", StringComparison.OrdinalIgnoreCase)) { _port.AllowedAll = true; _port.Allowed = null; }
                    else { _port.AllowedAll = false; _port.Allowed = null; AddAllowed(line, value); }
                    return;
            }
        }

        /// <summary>Access and trunk are what the model has; "static access" is how IOS prints an access port.</summary>
        static SwitchPortMode? ModeOf(string text) =>
            text == "trunk" ? SwitchPortMode.Trunk : text == "static access" || text == "access" ? SwitchPortMode.Access : (SwitchPortMode?)null;

        /// <summary>"99 (VLAN0099)", "1 (default)".</summary>
        int? VLan(ExportLine line, string value)
        {
            var m = LeadingNumber.Match(value);
            if (m.Success && Numbers.TryParse(m.Groups["n"].Value, 1, 4094, out int vlan)) return vlan;
            _context.Warn(line, $"'{Echo.Cut(value)}' is not a VLAN id from 1 to 4094; it is skipped.");
            return null;
        }

        void AddAllowed(ExportLine line, string list)
        {
            list = list.Trim().TrimEnd(',');
            if (list.Length == 0) return;
            if (!VLanList.TryParse(list, out var flags))
            {
                _context.Warn(line, $"'{Echo.Cut(list)}' is not a VLAN list such as 10,20,100-110; the port's allowed VLANs are skipped.");
                return;
            }
            if (_port.Allowed == null) _port.Allowed = flags;
            else for (int v = 1; v <= 4094; v++) _port.Allowed[v] |= flags[v];
            _port.AllowedAll = VLanList.IsAll(_port.Allowed);
            if (_port.AllowedAll) _port.Allowed = null;
        }

        /// <summary>Closes the current record.</summary>
        public void End()
        {
            _port = null;
            _adminMode = null;
            _lastKey = null;
        }
    }
}
