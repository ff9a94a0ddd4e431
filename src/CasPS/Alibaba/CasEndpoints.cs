using System;
using System.Management.Automation;
using System.Text.RegularExpressions;
using CasPS.Credentials;
using CasPS.Errors;

namespace CasPS.Alibaba
{
    /// <summary>
    /// Which CAS endpoint a call goes to: -Endpoint, else ALIBABA_CLOUD_CAS_ENDPOINT, else the
    /// region's documented endpoint (-Region, ALIBABA_CLOUD_REGION_ID, the profile's region_id,
    /// else cn-hangzhou). Most regions share cas.aliyuncs.com (China site); ap-southeast-1 is the
    /// International site's endpoint.
    /// </summary>
    internal static class CasEndpoints
    {
        public const string DefaultRegion = "cn-hangzhou";
        public const string EndpointVariable = "ALIBABA_CLOUD_CAS_ENDPOINT";
        private static readonly string[] RegionVariables = { "ALIBABA_CLOUD_REGION_ID", "ALIBABACLOUD_REGION_ID", "ALICLOUD_REGION_ID" };
        private static readonly Regex RegionPattern = new Regex("^[a-z]{2,}(-[a-z0-9]+)+$", RegexOptions.CultureInvariant);

        /// <summary>Regions offered by -Region's completer (free text is allowed too).</summary>
        public static readonly string[] KnownRegions =
        {
            "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-qingdao", "cn-zhangjiakou", "cn-huhehaote",
            "cn-chengdu", "cn-hongkong", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-northeast-1",
            "eu-central-1", "eu-west-1", "us-east-1", "us-west-1",
        };

        public static string HostForRegion(string region)
        {
            switch (region)
            {
                case "ap-southeast-1": return "cas.ap-southeast-1.aliyuncs.com";
                case "eu-central-1": return "cas.eu-central-1.aliyuncs.com";
                default: return "cas.aliyuncs.com";
            }
        }

        /// <summary>Resolves and checks the endpoint; describes the choice in <paramref name="why"/> for -Verbose.</summary>
        public static Uri Resolve(string endpoint, string region, CloudCredential credential, IEnvironment env, out string why)
        {
            if (!string.IsNullOrWhiteSpace(endpoint)) { why = "from -Endpoint"; return Parse(endpoint, "Endpoint"); }
            var fromEnv = env.Get(EndpointVariable);
            if (fromEnv != null) { why = "from " + EndpointVariable; return Parse(fromEnv, EndpointVariable); }

            string source = "-Region";
            if (string.IsNullOrWhiteSpace(region))
            {
                region = null;
                foreach (var v in RegionVariables)
                    if ((region = env.Get(v)) != null) { source = v; break; }
                if (region == null && credential?.Region != null) { region = credential.Region; source = "the credential profile's region_id"; }
                if (region == null) { region = DefaultRegion; source = "the default region"; }
            }
            region = region.Trim().ToLowerInvariant();
            if (!RegionPattern.IsMatch(region))
                throw new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                    "Region '" + region + "' (" + source + ") is not a region id such as cn-hangzhou or ap-southeast-1.") { ParameterName = "Region" };
            why = "for region " + region + " (" + source + ")";
            return new Uri("https://" + HostForRegion(region) + "/");
        }

        /// <summary>Accepts a full URI or a bare host ("cas.aliyuncs.com" means https).</summary>
        internal static Uri Parse(string value, string parameter)
        {
            string text = value.Trim();
            if (!text.Contains("://")) text = "https://" + text;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
                throw new CasPSException(ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument,
                    "Endpoint '" + value + "' (" + parameter + ") is not an http or https URI such as https://cas.aliyuncs.com or http://127.0.0.1:8080.") { ParameterName = "Endpoint" };
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
