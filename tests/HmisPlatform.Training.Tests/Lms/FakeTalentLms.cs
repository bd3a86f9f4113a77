using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.Training.Tests.Lms;

/// <summary>
/// A local HTTP server on 127.0.0.1 that answers like TalentLMS's REST API (v1): users by email, sign-up, enrolment,
/// a user's status in a course, its error bodies, and 429s with Retry-After or X-RateLimit-Reset. Tests can make
/// the next calls fail, and set learners' progress.
/// </summary>
public sealed class FakeTalentLms : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Id, string Email, string Login)> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string User, string Course), int> _enrolments = new();
    private readonly ConcurrentQueue<HttpStatusCode> _failures = new();
    private int _nextId = 100;

    public ConcurrentBag<string> Calls { get; } = [];

    public int SignUps;

    public int EnrolCalls;

    public Uri BaseAddress { get; }

    private FakeTalentLms(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public static async Task<FakeTalentLms> StartAsync()
    {
        var port = Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        // The service's appsettings.json sits in the test's output with its own Kestrel endpoints: this server has none of it.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var fake = new FakeTalentLms(app, new Uri($"http://127.0.0.1:{port}/api/v1/"));
        fake.Map(app);
        await app.StartAsync();
        return fake;
    }

    /// <summary>The next calls answer these statuses, one each, before the API answers normally again.</summary>
    public void FailNext(params HttpStatusCode[] statuses) => Array.ForEach(statuses, _failures.Enqueue);

    public void SetProgress(string email, string courseId, int percent) => _enrolments[(_users[email].Id, courseId)] = percent;

    public bool HasUser(string email) => _users.ContainsKey(email);

    /// <summary>A learner TalentLMS knew before the platform (an account made by hand, under an old email).</summary>
    public void SeedUser(string email, string login) =>
        _users[email] = (Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), email, login);

    public int EnrolmentsOf(string email) => _enrolments.Keys.Count(k => k.User == _users[email].Id);

    private void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            Calls.Add($"{http.Request.Method} {http.Request.Path}");
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ApiKey}:"));
            if (http.Request.Headers.Authorization != expected)
            {
                await Error(http, 401, "unauthorized", "Invalid API key provided");
                return;
            }
            if (_failures.TryDequeue(out var failure))
            {
                if (failure == HttpStatusCode.TooManyRequests)
                {
                    http.Response.Headers["X-RateLimit-Limit"] = "200";
                    http.Response.Headers["X-RateLimit-Remaining"] = "0";
                    http.Response.Headers["X-RateLimit-Reset"] = "1";
                }
                await Error(http, (int)failure, failure == HttpStatusCode.TooManyRequests ? "rate_limit" : "internal_server_error", "Try again later");
                return;
            }
            await next(http);
        });
        app.MapGet("/api/v1/users/email:{email}", (string email) =>
            _users.TryGetValue(email, out var user)
                ? Results.Json(new { id = user.Id, login = user.Login, email = user.Email })
                : ErrorResult(404, "not_found", "The requested user does not exist"));
        app.MapGet("/api/v1/users/username:{login}", (string login) =>
            _users.Values.FirstOrDefault(u => string.Equals(u.Login, login, StringComparison.OrdinalIgnoreCase)) is { Id.Length: > 0 } user
                ? Results.Json(new { id = user.Id, login = user.Login, email = user.Email })
                : ErrorResult(404, "not_found", "The requested user does not exist"));
        app.MapPost("/api/v1/edituser", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var (key, user) = _users.FirstOrDefault(u => u.Value.Id == form["user_id"].ToString());
            if (key is null)
            {
                return ErrorResult(404, "not_found", "The requested user does not exist");
            }
            _users.TryRemove(key, out _);
            var moved = (user.Id, form["email"].ToString(), user.Login);
            _users[moved.Item2] = moved;
            return Results.Json(new { id = moved.Id, login = moved.Login, email = moved.Item2 });
        });
        app.MapPost("/api/v1/usersignup", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (string.IsNullOrEmpty(form["password"]) || string.IsNullOrEmpty(form["first_name"]) || string.IsNullOrEmpty(form["last_name"]))
            {
                return ErrorResult(400, "bad_request", "Missing required fields");
            }
            var email = form["email"].ToString();
            if (_users.ContainsKey(email))
            {
                return ErrorResult(400, "bad_request", "A user with the same email already exists");
            }
            Interlocked.Increment(ref SignUps);
            var user = (Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture), email, form["login"].ToString());
            _users[email] = user;
            return Results.Json(new { id = user.Item1, login = user.Item3, email });
        });
        app.MapPost("/api/v1/addusertocourse", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            Interlocked.Increment(ref EnrolCalls);
            var key = (form["user_id"].ToString(), form["course_id"].ToString());
            return _enrolments.TryAdd(key, 0)
                ? Results.Json(new[] { new { user_id = key.Item1, course_id = key.Item2, role = "learner" } })
                : ErrorResult(400, "bad_request", "The requested user is already enrolled in this course");
        });
        app.MapGet("/api/v1/getuserstatusincourse/course_id:{course},user_id:{user}", (string course, string user) =>
            _enrolments.TryGetValue((user, course), out var percent)
                ? Results.Json(new
                {
                    role = "learner",
                    completion_status = percent == 100 ? "completed" : percent == 0 ? "not_attempted" : "incomplete",
                    completion_percentage = percent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    completed_on = percent == 100 ? "2026-11-30 10:00:00" : null,
                })
                : ErrorResult(400, "bad_request", "The requested user is not enrolled in this course"));
    }

    private static IResult ErrorResult(int status, string type, string message) => Results.Json(new { error = new { type, message } }, statusCode: status);

    private static Task Error(HttpContext http, int status, string type, string message)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { type, message } });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
