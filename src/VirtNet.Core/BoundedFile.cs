using System;
using System.IO;
using System.Security;

namespace VirtNet
{
    /// <summary>
    /// Reads a whole file that an admin names, within bounds: a device (/dev/zero), a pipe or a /proc file reports a
    /// length of 0 and then never ends, and a file of gigabytes would exhaust memory. Both are refused with a named
    /// error before anything is read; a regular file is read to the length it had when it was opened.
    /// </summary>
    static class BoundedFile
    {
        /// <summary>Far above any real export (an RVTools workbook of thousands of hosts is tens of MB).</summary>
        public const long MaxBytes = 256L * 1024 * 1024;

        /// <param name="what">"Export file", "Configuration file": how messages name the file.</param>
        public static byte[] ReadBytes(string path, string what, string notFoundId, string readFailedId)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists)
                    throw new VirtNetException(notFoundId, VirtNetErrorKind.ObjectNotFound, $"{what} '{path}' does not exist.", path);
                // Opening a pipe blocks until something writes to it, so the length is checked before the file is opened.
                if (info.Length == 0)
                    throw new VirtNetException(ErrorIds.FileEmptyOrNotRegular, VirtNetErrorKind.InvalidData,
                        $"{what} '{path}' holds nothing to read: it is empty, or it is not a regular file (a device such as /dev/zero, a pipe). " +
                        "Give the file an export or configuration was saved to.", path);
                if (info.Length > MaxBytes)
                    throw new VirtNetException(ErrorIds.FileTooLarge, VirtNetErrorKind.InvalidData,
                        $"{what} '{path}' is {info.Length / (1024 * 1024)} MB; files of more than {MaxBytes / (1024 * 1024)} MB are not read.", path);
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    var bytes = new byte[Math.Min(info.Length, stream.CanSeek ? stream.Length : info.Length)];
                    int read = 0;
                    while (read < bytes.Length)
                    {
                        int n = stream.Read(bytes, read, bytes.Length - read);
                        if (n == 0) break;
                        read += n;
                    }
                    if (read < bytes.Length) Array.Resize(ref bytes, read);
                    return bytes;
                }
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new VirtNetException(notFoundId, VirtNetErrorKind.ObjectNotFound, $"{what} '{path}' does not exist.", path, e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SecurityException || e is ArgumentException || e is NotSupportedException)
            {
                throw new VirtNetException(readFailedId, VirtNetErrorKind.ResourceUnavailable, $"{what} '{path}' cannot be read: {e.Message}", path, e);
            }
        }

        /// <summary>The file as text, in the encoding its byte order mark gives, else UTF-8 (as File.ReadAllText reads it).</summary>
        public static string ReadText(string path, string what, string notFoundId, string readFailedId)
        {
            var bytes = ReadBytes(path, what, notFoundId, readFailedId);
            using (var reader = new StreamReader(new MemoryStream(bytes), new System.Text.UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
                return reader.ReadToEnd();
        }
    }
}
