using System.Diagnostics;
using HmisPlatform.Gateway.Identity;

namespace HmisPlatform.Gateway.Security;

/// <summary>Appends security events to the audit table and to the log, with ids and reason codes only.</summary>
public sealed partial class SecurityAudit(GatewayDbContext db, TimeProvider time, ILogger<SecurityAudit> logger)
{
    /// <summary>Adds the event to the unit of work; it is stored with the change it records.</summary>
    public void Add(string kind, string? actor, string? subject, Guid? agencyId = null, string? detail = null, bool logDetail = true)
    {
        db.SecurityEvents.Add(SecurityEvent.Create(time.GetUtcNow(), kind, actor, subject, agencyId, detail, Activity.Current?.TraceId.ToString()));
        LogEvent(logger, kind, actor, subject, agencyId, logDetail ? detail : null);
    }

    /// <summary>Records an event with the reason a person stated: the record keeps it, the log does not (it is free text).</summary>
    public async Task RecordWithStatedReasonAsync(string kind, string? actor, string? subject, Guid? agencyId, string statedReason, CancellationToken cancellationToken)
    {
        Add(kind, actor, subject, agencyId, statedReason, logDetail: false);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an event that has no other change to go with; its detail is a reason code.</summary>
    public async Task RecordAsync(string kind, string? actor, string? subject, Guid? agencyId = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        Add(kind, actor, subject, agencyId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Security event {Kind}: actor {Actor}, subject {Subject}, agency {AgencyId}, detail {Detail}")]
    private static partial void LogEvent(ILogger logger, string kind, string? actor, string? subject, Guid? agencyId, string? detail);
}
