namespace VirtNet
{
    /// <summary>
    /// How badly a finding matters. The values are ordered, so "at least Warning" is a comparison:
    /// Information &lt; Warning &lt; Error.
    /// </summary>
    public enum Severity
    {
        /// <summary>Works as configured; the finding explains a behaviour users often do not expect.</summary>
        Information,
        /// <summary>Works today, but fails or degrades when something else fails, or is ignored by the device.</summary>
        Warning,
        /// <summary>Not supported by the vendor, or loses traffic as configured.</summary>
        Error,
    }
}
