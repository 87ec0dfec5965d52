using System;
using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace VirtNet.Serialization
{
    /// <summary>
    /// A VirtNet configuration file: hosts and physical switches as JSON, read back into a fully linked model.
    /// Export, import and export again give byte-identical files.
    /// </summary>
    public static class ConfigFile
    {
        /// <summary>The schema version this build writes.</summary>
        public const int SchemaVersion = 1;

        /// <summary>The schema versions this build reads.</summary>
        public static readonly IReadOnlyList<int> SupportedSchemaVersions = new[] { 1 };

        static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>
        /// Writes the hosts and physical switches of <paramref name="contents"/>, with every physical switch their uplinks
        /// are cabled to. The file is written under a temporary name in the same folder and then renamed over the target,
        /// so the target is either untouched or complete. An existing file is replaced, as Export-Csv replaces it, unless
        /// <paramref name="noClobber"/>; a read-only one only with <paramref name="force"/>.
        /// </summary>
        public static void Write(string path, ConfigContents contents, bool noClobber, bool force = false)
        {
            if (contents.IsEmpty)
                throw new VirtNetException(ErrorIds.NothingToExport, VirtNetErrorKind.InvalidArgument,
                    $"Nothing to export to '{path}': give at least one host or physical switch, or an object on one.", path);
            var bytes = Utf8NoBom.GetBytes(ConfigWriter.ToJson(contents));
            var fullPath = AtomicFile.FullPath(path, ErrorIds.ConfigWriteFailed);
            if (force && File.Exists(fullPath) && (File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0)
                File.SetAttributes(fullPath, File.GetAttributes(fullPath) & ~FileAttributes.ReadOnly);
            AtomicFile.Write(fullPath, bytes, overwrite: !noClobber, () => Exists(fullPath), (reason, e) => WriteFailed(fullPath, reason, e));
        }

        /// <summary>
        /// Reads a configuration file into a new model. The whole model is built before anything is returned, so a file
        /// with an error gives an exception and no objects at all.
        /// </summary>
        public static ConfigContents Read(string path)
        {
            var fullPath = AtomicFile.FullPath(path, ErrorIds.ConfigReadFailed);
            return ReadText(fullPath, BoundedFile.ReadText(fullPath, "Configuration file", ErrorIds.ConfigFileNotFound, ErrorIds.ConfigReadFailed));
        }

        /// <summary>Reads a configuration's text as if from the named file; never throws anything but <see cref="VirtNetException"/>.</summary>
        internal static ConfigContents ReadText(string fullPath, string text) => ConfigReader.Read(fullPath, Parse(fullPath, text));

        static JObject Parse(string fullPath, string text)
        {
            if (string.IsNullOrWhiteSpace(text))
                throw Malformed(fullPath, "the file is empty. Export a configuration with Export-VNConfig.");
            var reader = new JsonTextReader(new StringReader(text))
            {
                // Strings such as "2019" stay strings; dates are no part of the format.
                DateParseHandling = DateParseHandling.None,
            };
            var settings = new JsonLoadSettings
            {
                LineInfoHandling = LineInfoHandling.Load,
                DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
                CommentHandling = CommentHandling.Ignore,
            };
            JToken root;
            try
            {
                root = JToken.ReadFrom(reader, settings);
                // Reading on to the end makes Json.NET report any text after the top-level value; comments are skipped.
                while (reader.Read()) { }
            }
            catch (JsonReaderException e)
            {
                throw new VirtNetException(ErrorIds.ConfigFileMalformed, VirtNetErrorKind.InvalidData,
                    $"Configuration file '{fullPath}' is not valid JSON: line {e.LineNumber}, position {e.LinePosition}: {Reason(e)}",
                    fullPath, e);
            }
            if (!(root is JObject rootObject))
                throw Malformed(fullPath, $"the top level is a JSON {root.Type.ToString().ToLowerInvariant()}, not an object with a schemaVersion.");
            return rootObject;
        }

        /// <summary>Json.NET appends " Path '...', line N, position M." to its messages; the line and position are given separately.</summary>
        static string Reason(JsonReaderException e)
        {
            int at = e.Message.LastIndexOf(" Path '", StringComparison.Ordinal);
            return at > 0 ? e.Message.Substring(0, at) : e.Message;
        }

        static VirtNetException Exists(string fullPath) =>
            new VirtNetException(ErrorIds.ConfigFileExists, VirtNetErrorKind.ResourceExists,
                $"Configuration file '{fullPath}' already exists and -NoClobber forbids replacing it. Leave out -NoClobber to replace it, or choose another path.", fullPath);

        static VirtNetException WriteFailed(string fullPath, string reason, Exception inner) =>
            new VirtNetException(ErrorIds.ConfigWriteFailed, VirtNetErrorKind.WriteError,
                $"Cannot write configuration file '{fullPath}': {reason}", fullPath, inner);

        static VirtNetException Malformed(string fullPath, string reason) =>
            new VirtNetException(ErrorIds.ConfigFileMalformed, VirtNetErrorKind.InvalidData,
                $"Configuration file '{fullPath}' is not a VirtNet configuration: {reason}", fullPath);
    }
}
