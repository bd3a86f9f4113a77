using System.Net;
using HmisPlatform.Training.Domain.Lms;
using HmisPlatform.Training.Infrastructure.Lms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HmisPlatform.Training.Tests.Lms;

/// <summary>The TalentLMS connector against a local server that answers like the documented API.</summary>
public sealed class TalentLmsConnectorTests : IAsyncLifetime
{
    private static readonly string[] Courses = ["INTRO_HMIS", "DATA_MANAGEMENT"];
    private FakeTalentLms _lms = null!;
    private IHost _host = null!;

    private ILmsConnector Connector => _host.Services.GetRequiredService<ILmsConnector>();

    public async Task InitializeAsync()
    {
        _lms = await FakeTalentLms.StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Lms:Mode"] = "TalentLms",
            ["Lms:TalentLms:BaseAddress"] = _lms.BaseAddress.ToString(),
            ["Lms:TalentLms:ApiKey"] = FakeTalentLms.ApiKey,
            ["Lms:TalentLms:Courses:INTRO_HMIS"] = "11",
            ["Lms:TalentLms:Courses:DATA_MANAGEMENT"] = "12",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLmsConnector();
        _host = builder.Build();
    }

    private static LmsLearner Learner(string email) => new(email, email.Split('@')[0], "Lee", "Learner");

    [Fact]
    public async Task Enrol_Twice_SignsUpOnceAndEnrolsEachCourseOnce()
    {
        await Connector.EnrolAsync(Learner("twice@agency.example.org"), Courses, default);
        await Connector.EnrolAsync(Learner("twice@agency.example.org"), Courses, default);

        Assert.Equal(1, _lms.SignUps);
        Assert.Equal(2, _lms.EnrolmentsOf("twice@agency.example.org"));
        Assert.Equal(2, _lms.EnrolCalls);
    }

    [Fact]
    public async Task ALearnerTalentLmsKnowsUnderAnEarlierEmail_IsMovedToTheirEmailNow_NotSignedUpAgain()
    {
        _lms.SeedUser("kim.old@previous-agency.example.org", "kim.old");
        var learner = new LmsLearner("kim.new@agency.example.org", "kim.new", "Kim", "Mover", ["kim.old@previous-agency.example.org"]);

        await Connector.EnrolAsync(learner, Courses, default);

        Assert.Equal(0, _lms.SignUps);
        Assert.True(_lms.HasUser("kim.new@agency.example.org"));
        Assert.False(_lms.HasUser("kim.old@previous-agency.example.org"));
        Assert.Equal(2, _lms.EnrolmentsOf("kim.new@agency.example.org"));
    }

    [Fact]
    public async Task ALearnerTalentLmsKnowsByTheirUsername_IsReused_NotSignedUpAgain()
    {
        _lms.SeedUser("pat.personal@mail.example.com", "pat.reyes");

        await Connector.EnrolAsync(new LmsLearner("pat.reyes@agency.example.org", "pat.reyes", "Pat", "Reyes"), Courses, default);

        Assert.Equal(0, _lms.SignUps);
        Assert.True(_lms.HasUser("pat.reyes@agency.example.org"));
    }

    [Fact]
    public async Task Progress_IsReadPerCourse()
    {
        await Connector.EnrolAsync(Learner("progress@agency.example.org"), Courses, default);
        _lms.SetProgress("progress@agency.example.org", "11", 100);
        _lms.SetProgress("progress@agency.example.org", "12", 40);

        var progress = await Connector.ProgressAsync(Learner("progress@agency.example.org"), Courses, default);

        Assert.Equal([("INTRO_HMIS", 100), ("DATA_MANAGEMENT", 40)], progress.Select(p => (p.CourseCode, p.Percent)));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), progress[0].CompletedAt);
        Assert.Null(progress[1].CompletedAt);
    }

    [Fact]
    public async Task TransientFailures_AreRetried_AndTheEnrolmentCompletesOnce()
    {
        _lms.FailNext(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway);

        await Connector.EnrolAsync(Learner("transient@agency.example.org"), Courses, default);

        Assert.Equal(2, _lms.EnrolmentsOf("transient@agency.example.org"));
        Assert.Equal(1, _lms.SignUps);
    }

    [Fact]
    public async Task RateLimited_WaitsAsTheApiSays_ThenGoesOn()
    {
        _lms.FailNext(HttpStatusCode.TooManyRequests);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Connector.EnrolAsync(Learner("limited@agency.example.org"), Courses, default);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {clock.Elapsed}");
        Assert.True(_lms.HasUser("limited@agency.example.org"));
    }

    [Fact]
    public async Task UnknownCourse_IsAnLmsError_NotAnEnrolment()
    {
        var error = await Assert.ThrowsAsync<LmsException>(() => Connector.EnrolAsync(Learner("unknown@agency.example.org"), ["SSVF"], default));
        Assert.Contains("SSVF", error.Message);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _lms.DisposeAsync();
    }
}
