namespace VirtNet.Import
{
    /// <summary>
    /// A line of an export that was skipped or only partly used: unknown, damaged, ambiguous, or refused by the model.
    /// The import goes on; the cmdlets write these with WriteWarning.
    /// </summary>
    public sealed class ImportWarning
    {
        public ImportWarning(string file, int line, string message)
        {
            File = file;
            Line = line;
            Message = message;
        }

        public string File { get; }
        /// <summary>1-based; 0 when the warning is about the file (or an object) as a whole.</summary>
        public int Line { get; }
        public string Message { get; }

        public override string ToString() => Line > 0 ? $"{File}, line {Line}: {Message}" : $"{File}: {Message}";
    }

    /// <summary>Where a fact came from, so that a later refusal by the model can still name the file and line.</summary>
    public readonly struct SourceLine
    {
        public SourceLine(string file, int line)
        {
            File = file;
            Line = line;
        }

        public string File { get; }
        public int Line { get; }
    }
}
