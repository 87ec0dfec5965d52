using System;
using System.IO;
using System.Security;

namespace VirtNet.Serialization
{
    /// <summary>Writes a whole file or nothing: the configuration files and the HTML reports.</summary>
    internal static class AtomicFile
    {
        /// <summary>
        /// Writes <paramref name="bytes"/> under a temporary name in the target's folder and renames it over the target,
        /// so the target is either untouched or complete. An existing target is replaced only with
        /// <paramref name="overwrite"/>; otherwise <paramref name="exists"/> is thrown. Every other failure is thrown as
        /// <paramref name="failed"/>(reason, cause).
        /// </summary>
        public static void Write(string fullPath, byte[] bytes, bool overwrite, Func<VirtNetException> exists,
            Func<string, Exception, VirtNetException> failed)
        {
            if (Directory.Exists(fullPath))
                throw failed("it is a folder. Give a file name.", null);
            var folder = Path.GetDirectoryName(fullPath);
            if (!Directory.Exists(folder))
                throw failed($"the folder '{folder}' does not exist. Create it first.", null);
            if (File.Exists(fullPath) && !overwrite)
                throw exists();
            // Hidden on Unix, and independent of the target's name so that a long name does not make it too long.
            var temp = Path.Combine(folder, ".virtnet-" + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }
                if (File.Exists(fullPath))
                    File.Replace(temp, fullPath, destinationBackupFileName: null);
                else
                    File.Move(temp, fullPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException)
            {
                // File.Move refuses a target that appeared after the check above; that is the same refusal as before.
                if (!overwrite && File.Exists(fullPath)) throw exists();
                throw failed(e.Message, e);
            }
            finally
            {
                DeleteQuietly(temp);
            }
        }

        /// <summary>The absolute form of a path, or <paramref name="errorId"/> for one that is not a valid path.</summary>
        public static string FullPath(string path, string errorId)
        {
            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is SecurityException)
            {
                throw new VirtNetException(errorId, VirtNetErrorKind.InvalidArgument,
                    $"'{path}' is not a valid file path: {e.Message}", path, e);
            }
        }

        static void DeleteQuietly(string temp)
        {
            try
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // The write has already failed or succeeded; a stray temporary file must not hide that outcome.
            }
        }
    }
}
