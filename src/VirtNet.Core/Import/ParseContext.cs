using System.Collections.Generic;

namespace VirtNet.Import
{
    /// <summary>The file being read and the warnings it has given so far.</summary>
    sealed class ParseContext
    {
        readonly List<ImportWarning> _warnings;

        public ParseContext(string file, List<ImportWarning> warnings)
        {
            File = file;
            _warnings = warnings;
        }

        public string File { get; }

        public SourceLine At(ExportLine line) => new SourceLine(File, line.Number);

        public void Warn(ExportLine line, string message) => _warnings.Add(new ImportWarning(File, line.Number, message));

        public void Warn(SourceLine source, string message) => _warnings.Add(new ImportWarning(source.File, source.Line, message));

        public static void Warn(List<ImportWarning> warnings, SourceLine source, string message) =>
            warnings.Add(new ImportWarning(source.File, source.Line, message));

        /// <summary>The generic warning for a line no parser understands.</summary>
        public void Unknown(ExportLine line, string what) =>
            Warn(line, $"not understood as {what}; the line is skipped: '{Echo.Cut(line.Text)}'");
    }
}
