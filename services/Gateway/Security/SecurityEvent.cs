namespace HmisPlatform.Gateway.Security;

/// <summary>
/// One security event, appended to <c>security_events</c> and never changed: the database refuses updates and
/// deletes. It names ids only (client ids, user ids, agency ids), never a secret, a token or a person's details.
/// </summary>
public sealed class SecurityEvent
{
    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private init; }

    public string Kind { get; private init; } = "";

    /// <summary>Who acted: a client id or a user id; null when nobody was identified.</summary>
    public string? Actor { get; private init; }

    /// <summary>What it concerned: the client or user acted on, or the method called.</summary>
    public string? Subject { get; private init; }

    public Guid? AgencyId { get; private init; }

    /// <summary>A reason code, or the HMIS team's stated reason for a revocation.</summary>
    public string? Detail { get; private init; }

    public string? TraceId { get; private init; }

    public static SecurityEvent Create(DateTimeOffset at, string kind, string? actor, string? subject, Guid? agencyId, string? detail, string? traceId) =>
        new()
        {
            OccurredAt = at, Kind = kind, Actor = Bounded(actor, 200), Subject = Bounded(subject, 200),
            AgencyId = agencyId, Detail = Bounded(detail, 600), TraceId = traceId,
        };

    // A caller chooses the path it calls and its client id; neither may make the record fail to store.
    private static string? Bounded(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;
}

/// <summary>The kinds of security events the gateway records.</summary>
public static class SecurityEventKinds
{
    public const string SignInSucceeded = "sign_in_succeeded";
    public const string SignInFailed = "sign_in_failed";
    public const string SignedOut = "signed_out";
    public const string LockedOut = "locked_out";
    public const string TokenIssued = "token_issued";
    public const string ClientAuthenticationFailed = "client_authentication_failed";
    public const string ClientRegistered = "client_registered";
    public const string ClientRevoked = "client_revoked";
    public const string PermissionDenied = "permission_denied";
    public const string UserDeactivated = "user_deactivated";
    public const string UserInvited = "user_invited";
    public const string UserMoved = "user_moved";
    public const string InvitationSentAgain = "invitation_sent_again";
    public const string PasswordSet = "password_set";
    public const string PasswordChanged = "password_changed";
    public const string PasswordChangeRefused = "password_change_refused";
    public const string ConsentGiven = "consent_given";
    public const string ConsentRefused = "consent_refused";
    public const string DataImported = "data_imported";
    public const string DataImportChecked = "data_import_checked";
}
