using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using VirtNet.Net;

namespace VirtNet.Commands
{
    [Cmdlet(VerbsCommon.Set, "VNHost", SupportsShouldProcess = true)]
    [OutputType(typeof(VNHost))]
    public sealed class SetVNHostCommand : VNCmdlet
    {
        MacAddress? _minimum, _maximum;
        IPv4Address? _ipAddress;

        // Hides PSCmdlet.Host (the PowerShell host UI, unused here): -Host is the name the module's contract uses.
        // None of the settings bind by property name: a piped host would hand its own values back to itself.
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [Alias("VMHost")]
        [InventoryName(typeof(VNHost))]
        [ArgumentCompleter(typeof(HostNameCompleter))]
        public new VNHost[] Host { get; set; }

        [Parameter]
        public string Fqdn { get; set; }

        [Parameter]
        public string IPAddress { get; set; }

        // Text as Set-VMHost takes it (00155D017000); 00-15-5D-01-70-00 and 00:15:5d:01:70:00 work too.
        [Parameter]
        public string MacAddressMinimum { get; set; }

        [Parameter]
        public string MacAddressMaximum { get; set; }

        // Host advanced settings by name, as Set-AdvancedSetting and esxcli system settings advanced set take them.
        [Parameter]
        [ValidateNotNull]
        public Hashtable AdvancedSetting { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        readonly List<(string Name, object Value)> _settings = new List<(string, object)>();

        /// <summary>A malformed value is wrong for every host, so it stops the call before any host changes.</summary>
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Trimmed: published Set-VMHost scripts pass values with a trailing blank.
            _minimum = Fatal(() => ParseMac(MacAddressMinimum?.Trim()));
            _maximum = Fatal(() => ParseMac(MacAddressMaximum?.Trim()));
            _ipAddress = Fatal(() => ParseIP(IPAddress));
            // Names and values are checked before any host changes; whether a host takes them is its own answer.
            if (AdvancedSetting != null)
                foreach (DictionaryEntry entry in AdvancedSetting)
                {
                    var name = Fatal(() => HostAdvancedSettings.Canonical(entry.Key as string ?? entry.Key?.ToString()));
                    var value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                    Fatal(() => HostAdvancedSettings.ParseValue(name, value));
                    _settings.Add((name, value));
                }
        }

        protected override void ProcessRecord()
        {
            foreach (var host in Host)
                ForInput(() =>
                {
                    var changes = new List<string>();
                    if (_minimum.HasValue || _maximum.HasValue) changes.Add("MAC address pool");
                    if (IsBound(nameof(IPAddress))) changes.Add("IP address");
                    if (IsBound(nameof(Fqdn))) changes.Add("FQDN");
                    foreach (var (name, value) in _settings) changes.Add($"{name} = {value}");
                    if (!ShouldProcess(host.Name, "Set " + (changes.Count == 0 ? "nothing" : string.Join(", ", changes)))) return;
                    // The range first: it is the one change that can be refused, and a host changes all or not at all.
                    // Given with an address, it also stays explicit rather than being derived from that address.
                    host.SetMacAddressRange(_minimum, _maximum);
                    if (IsBound(nameof(IPAddress))) host.IPAddress = _ipAddress;
                    foreach (var (name, value) in _settings) host.SetAdvancedSetting(name, value);
                    if (IsBound(nameof(Fqdn))) host.Fqdn = string.IsNullOrEmpty(Fqdn) ? null : Fqdn;
                    WriteVerbose($"Set {(changes.Count == 0 ? "nothing" : string.Join(", ", changes))} of host {host.Name}.");
                    if (PassThru) WriteObject(host);
                });
        }
    }
}
