using System;
using System.Management.Automation;

namespace CasPS.Errors
{
    /// <summary>
    /// Every failure CasPS reports. It carries a stable ErrorId and category, and for service
    /// errors the service's Code, Message and RequestId (what Alibaba's troubleshooter needs).
    /// Messages are built by CasPS and never contain secrets.
    /// </summary>
    public class CasPSException : Exception
    {
        public CasPSException(string errorId, ErrorCategory category, string message, Exception inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Category = category;
        }

        public string ErrorId { get; }
        public ErrorCategory Category { get; }

        /// <summary>The service's error Code (opaque text), when the service answered.</summary>
        public string ServiceCode { get; set; }
        public string ServiceMessage { get; set; }
        public string RequestId { get; set; }
        /// <summary>HTTP status of the answer, 0 when there was none.</summary>
        public int HttpStatus { get; set; }
        /// <summary>The parameter at fault, for validation errors.</summary>
        public string ParameterName { get; set; }
        /// <summary>For validation errors: the broken rule alone, without the "parameter X" prefix of Message.</summary>
        public string Reason { get; set; }
        /// <summary>Whether the request may have been executed by the service (an ambiguous failure).</summary>
        public bool MayHaveExecuted { get; set; }

        public ErrorRecord ToErrorRecord(object target)
        {
            var record = new ErrorRecord(this, ErrorId, Category, target);
            if (RecommendedAction != null)
                record.ErrorDetails = new ErrorDetails(Message) { RecommendedAction = RecommendedAction };
            return record;
        }

        /// <summary>What the user can do about it; shown by Get-Error and $Error[0].ErrorDetails.</summary>
        public string RecommendedAction { get; set; }
    }
}
