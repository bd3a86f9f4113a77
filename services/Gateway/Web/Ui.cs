using System.Globalization;
using System.Security.Claims;
using Google.Rpc;
using Grpc.Core;
using Hmis.Common.V1;
using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.BuildingBlocks.Messaging;
using HmisPlatform.Gateway.Domain;
using ProjectType = Hmis.Common.V1.ProjectType;
using Responsibility = Hmis.Common.V1.Responsibility;

namespace HmisPlatform.Gateway.Web;

/// <summary>What the pages say: menus by role, names of the process's terms, and services' answers in words.</summary>
public static class Ui
{
    public static string Role(ClaimsPrincipal person) => person.FindFirst(PlatformIdentity.RoleClaim)?.Value ?? "";

    public static string Subject(ClaimsPrincipal person) => person.FindFirst("sub")?.Value ?? "";

    public static string Agency(ClaimsPrincipal person) => person.FindFirst(PlatformIdentity.AgencyClaim)?.Value ?? "";

    public static IReadOnlyList<(string Href, string Label)> MenuOf(ClaimsPrincipal person) => Role(person) switch
    {
        StaffRoles.HmisTeam => [("/review", "Review desk"), ("/people", "Person tracker"), ("/overview", "Overview"), ("/agencies", "Agencies"), ("/reports", "Reports"), ("/inbox", "Inbox")],
        StaffRoles.CeTeam => [("/ce", "CE queue"), ("/people", "Person tracker"), ("/inbox", "Inbox")],
        StaffRoles.Ata => [("/requests/new", "New request"), ("/agency", "My agency"), ("/inbox", "Inbox")],
        // Supervisors validate new hires on the agency's requests; the ATA submits them.
        StaffRoles.Supervisor => [("/agency", "My agency"), ("/inbox", "Inbox")],
        StaffRoles.Trainee => [("/me", "My path"), ("/inbox", "Inbox")],
        _ => [],
    };

    /// <summary>The person's role as the Continuum says it.</summary>
    public static string RoleName(ClaimsPrincipal person) => Role(person) switch
    {
        StaffRoles.HmisTeam => "HMIS team",
        StaffRoles.CeTeam => "CE team",
        StaffRoles.Ata => "ATA",
        StaffRoles.Supervisor => "Supervisor",
        StaffRoles.Trainee => "Trainee",
        _ => "",
    };

    /// <summary>Where a signed-in person's own work is: the page they land on.</summary>
    public static string LandingOf(ClaimsPrincipal person) => Role(person) switch
    {
        StaffRoles.HmisTeam => "/review",
        StaffRoles.CeTeam => "/ce",
        StaffRoles.Ata or StaffRoles.Supervisor => "/agency",
        StaffRoles.Trainee => "/me",
        _ => "/",
    };

    /// <summary>A service's refusal or silence in words: never a stack trace, never a blank page.</summary>
    public static string Explain(RpcException error, string service) => error.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown =>
            $"The {service} service is not answering right now. Nothing was lost; try again in a minute.",
        StatusCode.PermissionDenied => "This is not available to you.",
        StatusCode.NotFound => "Nothing was found with that id.",
        StatusCode.Unauthenticated => "Your session has ended. Sign in again.",
        _ => error.Status.Detail,
    };

    /// <summary>The field violations of a refusal, by field, for showing next to the fields.</summary>
    public static IReadOnlyDictionary<string, string> FieldErrors(RpcException error) =>
        error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.First().Description) ?? [];

    /// <summary>A field's <c>aria-invalid</c>: "true" while the service's refusal names it, else absent.</summary>
    public static string? Invalid(IReadOnlyDictionary<string, string> errors, string field) => errors.ContainsKey(field) ? "true" : null;

    /// <summary>A refusal of the gateway's own rules (its client register): the field messages, or else its message.</summary>
    public static (IReadOnlyDictionary<string, string> Fields, string? Message) Refusal(BuildingBlocks.Domain.DomainException error)
    {
        var fields = error.FieldViolations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.First().Description);
        return (fields, fields.Count > 0 ? null : error.Message);
    }

    public static string Reason(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason ?? "";

    /// <summary>The project types as the CoC names them (docs/process.md, step 2), acronyms kept.</summary>
    private static readonly Dictionary<ProjectType, string> ProjectNames = new()
    {
        [ProjectType.DropInDayShelter] = "Drop-in / Day Shelter",
        [ProjectType.EmergencyShelter] = "Emergency Shelter, Transitional Housing, Safe Haven",
        [ProjectType.EmploymentAndIncome] = "Employment and Income",
        [ProjectType.HousingPshRrhFamilies] = "Housing (PSH/RRH), families",
        [ProjectType.HousingPshRrhSingles] = "Housing (PSH/RRH), singles",
        [ProjectType.HousingSystemNavigation] = "Housing System Navigation",
        [ProjectType.Hpcc] = "HPCC",
        [ProjectType.OutreachPath] = "Outreach / PATH-funded",
        [ProjectType.ServicesOnly] = "Services Only",
        [ProjectType.Ssvf] = "SSVF",
        [ProjectType.StateHomelessPrevention] = "State Homeless Prevention",
        [ProjectType.CoordinatedEntry1474] = "Coordinated Entry (HRS 1474)",
    };

    /// <summary>Today in the Continuum (Chicago), as the contracts write a day (YYYY-MM-DD).</summary>
    public static string Today() =>
        BuildingBlocks.Domain.Continuum.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An enum value as words: PROJECT_TYPE_EMERGENCY_SHELTER is "Emergency shelter".</summary>
    public static string Words<T>(T value) where T : struct, Enum
    {
        if (value is ProjectType project && ProjectNames.TryGetValue(project, out var projectName))
        {
            return projectName;
        }
        var prefix = ProtoEnum.NameOf(default(T)).Replace("UNSPECIFIED", "", StringComparison.Ordinal);
        return SentenceCase(ProtoEnum.ShortNameOf(value, prefix).Replace('_', ' ').ToLowerInvariant());
    }

    /// <summary>A service's SCREAMING_SNAKE code as words: CONFIRM_CREDIT_USE is "Confirm credit use".</summary>
    public static string Words(string code) => SentenceCase(code.Replace('_', ' ').ToLowerInvariant());

    private static readonly System.Text.RegularExpressions.Regex Acronym = new(@"\b(ce|hmis|ata|lms|hrs|apa)\b", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>First letter up, and the process's acronyms kept whole ("awaiting ce decision" is "Awaiting CE decision").</summary>
    private static string SentenceCase(string words)
    {
        var name = Acronym.Replace(words, m => m.Value.ToUpperInvariant());
        return name.Length == 0 ? "" : char.ToUpperInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// A short reference for a request or a person, as people read one aloud: the last eight of its id, in capitals.
    /// Ids are UUIDv7, whose first digits are the time they were made, so the same for everything made in one minute;
    /// the last ones are random.
    /// </summary>
    public static string Reference(string id) => id.Length >= 8 ? id[^8..].ToUpperInvariant() : id;

    /// <summary>Names in a line: "Dana Whitfield, Noor Haddad and 3 more".</summary>
    public static string Names(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count switch
        {
            0 => "",
            <= 3 => string.Join(", ", all),
            _ => $"{string.Join(", ", all.Take(2))} and {all.Count - 2} more",
        };
    }

    /// <summary>A length of time in whole days: "under a day", "1 day", "6 days".</summary>
    public static string Days(Google.Protobuf.WellKnownTypes.Duration? length)
    {
        var days = length?.ToTimeSpan().TotalDays ?? 0;
        return days < 1 ? "under a day" : days < 2 ? "1 day" : $"{Math.Floor(days).ToString(CultureInfo.InvariantCulture)} days";
    }

    /// <summary>How long ago a moment was, in the Continuum's calendar days: "today", "yesterday", "6 days ago".</summary>
    public static string Relative(Google.Protobuf.WellKnownTypes.Timestamp? at, DateTimeOffset now)
    {
        if (at is null)
        {
            return "";
        }
        var days = Continuum.DateOf(now).DayNumber - Continuum.DateOf(at.ToDateTimeOffset()).DayNumber;
        return days switch
        {
            < 0 => days == -1 ? "tomorrow" : $"in {(-days).ToString(CultureInfo.InvariantCulture)} days",
            0 => "today",
            1 => "yesterday",
            _ => $"{days.ToString(CultureInfo.InvariantCulture)} days ago",
        };
    }

    /// <summary>A time as the Continuum's clock shows it (Chicago), with its zone.</summary>
    public static string Date(Google.Protobuf.WellKnownTypes.Timestamp? at) => at is null ? "" : Continuum.Describe(at.ToDateTimeOffset());

    public static IReadOnlyList<ProjectType> ProjectTypes { get; } = [.. Enum.GetValues<ProjectType>().Where(p => p != ProjectType.Unspecified)];

    public static IReadOnlyList<Responsibility> Responsibilities { get; } = [.. Enum.GetValues<Responsibility>().Where(r => r != Responsibility.Unspecified)];
}
