using System;
using System.IO;

namespace CasPS.Credentials
{
    /// <summary>Reads a credentials file at resolution time; a missing file is not an error, an unreadable one is.</summary>
    internal static class CredentialFileText
    {
        /// <summary>The file's text, or null when there is no such file.</summary>
        public static string ReadOrNull(string path)
        {
            if (path == null || !File.Exists(path)) return null;
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException)
            {
                // The exception text names the path and the OS reason, never the contents.
                throw CredentialErrors.InvalidFile(path, "could not be read: " + e.Message.TrimEnd('.'));
            }
        }
    }
}
