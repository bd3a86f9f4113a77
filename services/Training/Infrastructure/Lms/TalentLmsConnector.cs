using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using HmisPlatform.Training.Domain.Lms;
using Microsoft.Extensions.Options;

namespace HmisPlatform.Training.Infrastructure.Lms;

/// <summary>
/// TalentLMS through its REST API (v1): users by email or username, sign-up, email change, enrolment in a course, and a
/// user's status in a course. Every step first reads what is there, so a retried enrolment never enrols twice. Retries, backoff, the
/// circuit breaker and the rate limit are the HTTP client's (see <see cref="TalentLmsClientRegistration"/>).
/// </summary>
public sealed class TalentLmsConnector(HttpClient http, IOptions<TalentLmsOptions> options, TimeProvider time) : ILmsConnector
{
    public bool ReportsProgress => true;

    public async Task EnrolAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken)
    {
        var userId = await EnsureUserAsync(learner, cancellationToken);
        foreach (var courseId in courseCodes.Select(CourseIdOf))
        {
            if (await StatusAsync(userId, courseId, cancellationToken) is not null)
            {
                continue;
            }
            using var response = await http.PostAsync("addusertocourse", Form(("user_id", userId), ("course_id", courseId), ("role", "learner")), cancellationToken);
            if (!response.IsSuccessStatusCode && !await SaysAsync(response, "already enrolled", cancellationToken))
            {
                throw await RefusalAsync(response, "enrol a learner", cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<LmsCourseProgress>> ProgressAsync(LmsLearner learner, IReadOnlyList<string> courseCodes, CancellationToken cancellationToken)
    {
        var userId = await FindUserAsync(learner.Email, cancellationToken);
        if (userId is null)
        {
            return [];
        }
        var progress = new List<LmsCourseProgress>();
        foreach (var code in courseCodes)
        {
            if (await StatusAsync(userId, CourseIdOf(code), cancellationToken) is { } status)
            {
                var percent = int.TryParse(status.CompletionPercentage, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 0, 100) : 0;
                var completedOn = DateTimeOffset.TryParse(status.CompletedOn, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var done) ? done : (DateTimeOffset?)null;
                progress.Add(new LmsCourseProgress(code, percent, time.GetUtcNow(), percent == 100 ? completedOn : null));
            }
        }
        return progress;
    }

    /// <summary>
    /// The learner's one TalentLMS account: found by their email, else by an earlier email or their username (then moved to
    /// their email now); only a learner TalentLMS has never seen is signed up.
    /// </summary>
    private async Task<string> EnsureUserAsync(LmsLearner learner, CancellationToken cancellationToken)
    {
        if (await FindUserAsync(learner.Email, cancellationToken) is { } existing)
        {
            return existing;
        }
        foreach (var earlier in learner.EarlierEmails ?? [])
        {
            if (await FindUserAsync(earlier, cancellationToken) is { } known)
            {
                return await MoveToEmailAsync(known, learner.Email, cancellationToken);
            }
        }
        if (await FindUserByLoginAsync(learner.Username, cancellationToken) is { } byLogin)
        {
            return await MoveToEmailAsync(byLogin, learner.Email, cancellationToken);
        }
        // TalentLMS needs a password at sign-up: a random one nobody keeps; the learner sets their own through
        // "forgot password". It is never stored or logged.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        using var response = await http.PostAsync("usersignup", Form(
            ("first_name", learner.GivenName), ("last_name", learner.FamilyName), ("email", learner.Email), ("login", learner.Username), ("password", password)), cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return (await response.Content.ReadFromJsonAsync<TalentUser>(cancellationToken))!.Id;
        }
        // A sign-up that went through before a retry: the account is there now.
        return await FindUserAsync(learner.Email, cancellationToken) ?? throw await RefusalAsync(response, "sign a learner up", cancellationToken);
    }

    private async Task<string> MoveToEmailAsync(string userId, string email, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("edituser", Form(("user_id", userId), ("email", email)), cancellationToken);
        return response.IsSuccessStatusCode ? userId : throw await RefusalAsync(response, "update a learner's email", cancellationToken);
    }

    private Task<string?> FindUserAsync(string email, CancellationToken cancellationToken) => FindAsync($"users/email:{Uri.EscapeDataString(email)}", cancellationToken);

    private Task<string?> FindUserByLoginAsync(string login, CancellationToken cancellationToken) => FindAsync($"users/username:{Uri.EscapeDataString(login)}", cancellationToken);

    private async Task<string?> FindAsync(string query, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(query, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<TalentUser>(cancellationToken))!.Id
            : throw await RefusalAsync(response, "find a learner", cancellationToken);
    }

    /// <summary>The learner's status in the course, or null when they are not enrolled in it.</summary>
    private async Task<TalentCourseStatus?> StatusAsync(string userId, string courseId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"getuserstatusincourse/course_id:{courseId},user_id:{userId}", cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            return null;
        }
        return response.IsSuccessStatusCode
            ? await response.Content.ReadFromJsonAsync<TalentCourseStatus>(cancellationToken)
            : throw await RefusalAsync(response, "read a learner's status", cancellationToken);
    }

    private string CourseIdOf(string courseCode) =>
        options.Value.Courses.TryGetValue(courseCode, out var id) ? id : throw new LmsException($"Course {courseCode} has no TalentLMS course id (Lms:TalentLms:Courses).");

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    private static async Task<bool> SaysAsync(HttpResponseMessage response, string words, CancellationToken cancellationToken) =>
        (await ErrorOfAsync(response, cancellationToken))?.Message?.Contains(words, StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<LmsException> RefusalAsync(HttpResponseMessage response, string doing, CancellationToken cancellationToken)
    {
        var error = await ErrorOfAsync(response, cancellationToken);
        // The LMS's own words name no person; the request (which holds the email) is not repeated here.
        return new LmsException($"TalentLMS refused to {doing}: {(int)response.StatusCode} {error?.Type}");
    }

    private static async Task<TalentError?> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<TalentErrorBody>(cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record TalentUser([property: JsonPropertyName("id")] string Id);

    private sealed record TalentCourseStatus(
        [property: JsonPropertyName("completion_status")] string? CompletionStatus,
        [property: JsonPropertyName("completion_percentage")] string? CompletionPercentage,
        [property: JsonPropertyName("completed_on")] string? CompletedOn);

    private sealed record TalentError([property: JsonPropertyName("type")] string? Type, [property: JsonPropertyName("message")] string? Message);

    private sealed record TalentErrorBody([property: JsonPropertyName("error")] TalentError? Error);
}

/// <summary>The LMS refused or failed a call; the sync tries again next round.</summary>
public sealed class LmsException(string message) : Exception(message);
