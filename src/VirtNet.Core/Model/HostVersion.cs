using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VirtNet
{
    /// <summary>
    /// A hypervisor release: ESX/ESXi "3.5", "3.5 U3", "6.7", "8.0 U2"; Hyper-V "2012", "2012R2" ... "2025";
    /// Linux a kernel version such as "6.1". Compares by release, so rules can ask "before 4.1".
    /// </summary>
    public sealed class HostVersion : IEquatable<HostVersion>, IComparable<HostVersion>
    {
        /// <summary>No ESX release has had more than a handful of updates; two digits leave room without letting "U99999999999" through.</summary>
        const int MaxUpdate = 99;
        static readonly string[] EsxReleases = { "3.0", "3.5", "4.0", "4.1", "5.0", "5.1", "5.5", "6.0", "6.5", "6.7", "7.0", "8.0" };
        static readonly string[] HyperVReleases = { "2008", "2008R2", "2012", "2012R2", "2016", "2019", "2022", "2025" };
        // "8.0 U2", or as the vSphere API and PowerCLI print it: "7.0.3" (7.0 Update 3; a 6.x release prints
        // x.y.0 for every update), maybe followed by its build number ("8.0.2 build-22380479", "6.7.0 (8169922)").
        static readonly Regex EsxPattern = new Regex(@"^([0-9]+)\.([0-9]+)(?:\s*U([0-9]+)|\.([0-9]+))?(?:\s+(?:build-?\s*|\(build\s*|\()?[0-9]{1,12}\)?)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        static readonly Regex LinuxPattern = new Regex(@"^([0-9]+)\.([0-9]+)(?:\.([0-9]+))?$", RegexOptions.CultureInvariant);

        HostVersion(Hypervisor hypervisor, int major, int minor, int update, string text)
        {
            Hypervisor = hypervisor; Major = major; Minor = minor; Update = update; Text = text;
        }

        public Hypervisor Hypervisor { get; }
        public int Major { get; }
        public int Minor { get; }
        /// <summary>ESX update level (3.5 U3 gives 3); Linux patch level.</summary>
        public int Update { get; }
        public string Text { get; }

        public static string DefaultFor(Hypervisor hypervisor) =>
            hypervisor == Hypervisor.Esx ? "8.0" : hypervisor == Hypervisor.HyperV ? "2022" : "6.1";

        /// <summary>The releases a hypervisor's versions name (for Linux, the default kernel only: any kernel version is valid).</summary>
        public static IReadOnlyList<string> Releases(Hypervisor hypervisor) =>
            hypervisor == Hypervisor.Esx ? EsxReleases : hypervisor == Hypervisor.HyperV ? HyperVReleases : new[] { DefaultFor(hypervisor) };

        public static HostVersion Parse(Hypervisor hypervisor, string text)
        {
            var trimmed = (text ?? "").Trim();
            switch (hypervisor)
            {
                case Hypervisor.Esx:
                {
                    var m = EsxPattern.Match(trimmed);
                    int update = 0;
                    var updateGroup = m.Groups[3].Success ? m.Groups[3] : m.Groups[4];
                    if (m.Success && Array.IndexOf(EsxReleases, m.Groups[1].Value + "." + m.Groups[2].Value) >= 0
                        && (!updateGroup.Success || Numbers.TryParse(updateGroup.Value, 0, MaxUpdate, out update)))
                    {
                        string canonical = m.Groups[1].Value + "." + m.Groups[2].Value + (update > 0 ? " U" + update.ToString(CultureInfo.InvariantCulture) : "");
                        Numbers.TryParse(m.Groups[1].Value, out int major);
                        Numbers.TryParse(m.Groups[2].Value, out int minor);
                        return new HostVersion(hypervisor, major, minor, update, canonical);
                    }
                    throw Invalid(hypervisor, text, "an ESX/ESXi release " + string.Join(", ", EsxReleases) + ", optionally with an update such as '3.5 U3' or '7.0.3'");
                }
                case Hypervisor.HyperV:
                {
                    int index = Array.FindIndex(HyperVReleases, r => string.Equals(r, trimmed.Replace(" ", ""), StringComparison.OrdinalIgnoreCase));
                    if (index >= 0)
                        return new HostVersion(hypervisor, int.Parse(HyperVReleases[index].Substring(0, 4), CultureInfo.InvariantCulture),
                            HyperVReleases[index].EndsWith("R2", StringComparison.Ordinal) ? 1 : 0, 0, HyperVReleases[index]);
                    throw Invalid(hypervisor, text, "a Windows Server release " + string.Join(", ", HyperVReleases));
                }
                default:
                {
                    var m = LinuxPattern.Match(trimmed);
                    int patch = 0;
                    if (m.Success && Numbers.TryParse(m.Groups[1].Value, out int major) && Numbers.TryParse(m.Groups[2].Value, out int minor)
                        && (!m.Groups[3].Success || Numbers.TryParse(m.Groups[3].Value, out patch)))
                        return new HostVersion(hypervisor, major, minor, patch, trimmed);
                    throw Invalid(hypervisor, text, "a kernel version such as 5.15 or 6.1.0");
                }
            }
        }

        public static bool TryParse(Hypervisor hypervisor, string text, out HostVersion version)
        {
            try { version = Parse(hypervisor, text); return true; }
            catch (VirtNetException) { version = null; return false; }
        }

        static VirtNetException Invalid(Hypervisor hypervisor, string text, string valid) =>
            new VirtNetException(ErrorIds.InvalidVersion, VirtNetErrorKind.InvalidArgument,
                $"'{Echo.Cut(text)}' is not a known {hypervisor} version. Use {valid}.", text);

        /// <summary>True when this release is at least major.minor (update ignored).</summary>
        public bool IsAtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

        public override string ToString() => Text;
        public bool Equals(HostVersion other) => other != null && Hypervisor == other.Hypervisor && CompareTo(other) == 0;
        public override bool Equals(object obj) => Equals(obj as HostVersion);
        public override int GetHashCode() => (Major * 100 + Minor) * 100 + Update;
        public int CompareTo(HostVersion other)
        {
            int c = Major.CompareTo(other.Major);
            if (c == 0) c = Minor.CompareTo(other.Minor);
            if (c == 0) c = Update.CompareTo(other.Update);
            return c;
        }
    }
}
