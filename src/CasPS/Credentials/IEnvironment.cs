using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CasPS.Credentials
{
    /// <summary>Environment variables and the home folder, behind a seam so resolution is unit-testable.</summary>
    internal interface IEnvironment
    {
        /// <summary>The variable's value, or null when unset, empty or whitespace (treated alike).</summary>
        string Get(string name);
        string HomeDirectory { get; }
    }

    internal sealed class ProcessEnvironment : IEnvironment
    {
        public static readonly ProcessEnvironment Instance = new ProcessEnvironment();

        public string Get(string name)
        {
            var v = Environment.GetEnvironmentVariable(name);
            return string.IsNullOrWhiteSpace(v) ? null : v;
        }

        /// <summary>As the aliyun CLI: %USERPROFILE% on Windows, $HOME elsewhere.</summary>
        public string HomeDirectory
        {
            get
            {
                var home = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? Get("USERPROFILE") : Get("HOME");
                return home ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }
        }
    }
}
