using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Credentialing.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using TrainingClient = Hmis.Training.V1.Training.TrainingClient;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>What a journey left behind: its requests and people, and the state its request must end in.</summary>
public sealed record JourneyResult(JourneySpec Spec, SimulatedAgency Agency, string RequestId, IReadOnlyList<RequestedUser> People, AccessRequestStatus Expected)
{
    /// <summary>Earlier requests of the same people (the journey that made them current users), checked the same way.</summary>
    public IReadOnlyList<JourneyResult> Before { get; init; } = [];
}

/// <summary>
/// Drives one generated journey through the gateway, each step as the one it belongs to: the ATA submits and answers,
/// the HMIS team reviews, the CE team decides 1474 and records the HRS course, the LMS reports the rest, each trainee
/// does their own assignment and signs, and the ATA confirms. Journeys that need the clock stop where time must pass.
/// </summary>
public sealed class JourneyRunner(SimulatedPlatform platform, SimulatedAgency home, SimulatedAgency elsewhere, Func<Task<StaffBrowser>> ceTeam)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private int _people;
    private readonly List<(SimulatedAgency Agency, string PersonId)> _everyone = [];

    /// <summary>Everyone any journey named on a request, also of journeys that failed: what the credit count runs over.</summary>
    public IReadOnlyList<(SimulatedAgency Agency, string PersonId)> Everyone
    {
        get
        {
            lock (_everyone)
            {
                return [.. _everyone];
            }
        }
    }

    private AccessRequests.AccessRequestsClient ReviewDesk => new(platform.HmisTeam);

    public async Task<JourneyResult> RunAsync(JourneySpec spec) => spec.Outcome switch
    {
        JourneyOutcome.NewProjectAccess => await NewProjectAccessAsync(spec),
        JourneyOutcome.ReturningUserTransfer => await ReturningUserAsync(spec),
        JourneyOutcome.InactivityRemoval => await FullJourneyAsync(spec, home),
        _ => await FullJourneyAsync(spec, home),
    };

    private async Task<JourneyResult> FullJourneyAsync(JourneySpec spec, SimulatedAgency agency, RequestType type = RequestType.NewAgencyUsers,
        IReadOnlyList<(string Given, string Family, string Email, string HmisUsername)>? people = null)
    {
        var form = spec.Outcome is JourneyOutcome.CeApprovedAssignmentWaived or JourneyOutcome.CeApprovedTakesAssignment or JourneyOutcome.CeDenied
            ? RequestType.HrsCe1474 : type;
        var request = await SubmitAsync(agency, form, spec, people ?? NewPeople(agency, spec.People));
        switch (spec.Outcome)
        {
            case JourneyOutcome.Denied:
                await DecideAsync(request, ReviewOutcome.Deny, "Not an HMIS role at this agency");
                return Result(spec, agency, request, AccessRequestStatus.Denied);
            case JourneyOutcome.Withdrawn:
                await new AccessRequests.AccessRequestsClient(agency.Ata).WithdrawAccessRequestAsync(new WithdrawAccessRequestRequest
                {
                    RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.Id, Reason = "Took a position elsewhere",
                });
                return Result(spec, agency, request, AccessRequestStatus.Withdrawn);
            case JourneyOutcome.Resubmission:
                await DecideAsync(request, ReviewOutcome.RequestResubmission, "Had access at another agency", RequestType.ReturningUser);
                return Result(spec, agency, request, AccessRequestStatus.ResubmissionRequested);
            case JourneyOutcome.CeDenied:
                await CeDecideAsync(request, CeDecision.Deny, "Not an HRS", waive: false);
                return Result(spec, agency, request, AccessRequestStatus.Denied);
            case JourneyOutcome.CeApprovedAssignmentWaived or JourneyOutcome.CeApprovedTakesAssignment:
                await CeDecideAsync(request, CeDecision.Approve, "", waive: spec.Outcome == JourneyOutcome.CeApprovedAssignmentWaived);
                break;
            case JourneyOutcome.InformationThenPass:
                await DecideAsync(request, ReviewOutcome.RequestInformation, "Which shelter will they work at?");
                await new AccessRequests.AccessRequestsClient(agency.Ata).ProvideRequestInformationAsync(new ProvideRequestInformationRequest
                {
                    RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.Id, Information = "The overnight shelter on Clark Street",
                });
                break;
        }
        request = await ApproveAsync(request);
        var users = request.Users;
        await Task.WhenAll(users.Select(user => PersonAsync(spec, agency, request, user)));
        if (spec.Outcome is JourneyOutcome.ThreeFailures or JourneyOutcome.SeatExpiry or JourneyOutcome.TrainingLapse)
        {
            return Result(spec, agency, request, AccessRequestStatus.Expired);
        }
        return Result(spec, agency, request, AccessRequestStatus.Completed);
    }

    /// <summary>One person of an approved request, from training to live credentials (or to where the clock must move).</summary>
    private async Task PersonAsync(JourneySpec spec, SimulatedAgency agency, AccessRequest request, RequestedUser user)
    {
        var trainee = await agency.TraineeAsync(platform, request.Id, user);
        if (spec.Outcome == JourneyOutcome.TrainingLapse)
        {
            var path = await PathAsync(user.PersonId, request.Id);
            await ProgressAsync(user.PersonId, path.Courses[0].CourseCode);
            return;
        }
        if (spec.Outcome == JourneyOutcome.TailoredCoursesThenPass)
        {
            await TailorAsync(user.PersonId, request.Id);
        }
        if (request.TransferPath != TransferPath.FullTransfer)
        {
            await TrainAsync(user.PersonId, request.Id);
        }
        if (TakesAssignment(spec, request))
        {
            await AssignmentAsync(spec, trainee, user);
            if (spec.Outcome is JourneyOutcome.ThreeFailures or JourneyOutcome.SeatExpiry)
            {
                return;
            }
        }
        if (spec.Outcome == JourneyOutcome.HelpDesk)
        {
            await HelpDeskAsync(agency, request, user);
        }
        await SignAndConfirmAsync(agency, trainee, user);
    }

    private static bool TakesAssignment(JourneySpec spec, AccessRequest request) =>
        request.TransferPath != TransferPath.FullTransfer && !request.AssessmentWaived
        && spec.Outcome is not (JourneyOutcome.HelpDesk or JourneyOutcome.ReadOnly or JourneyOutcome.ReportingOnly);

    private async Task AssignmentAsync(JourneySpec spec, GrpcChannel trainee, RequestedUser user)
    {
        var assignments = new SampleClientAssignments.SampleClientAssignmentsClient(trainee);
        var seated = await SeatedAsync(assignments, user.PersonId);
        if (spec.Outcome == JourneyOutcome.SeatExpiry)
        {
            return;
        }
        SampleClientRecord Model() => new SampleClientAssignments.SampleClientAssignmentsClient(platform.HmisTeam)
            .GetModelRecord(new GetModelRecordRequest { AssignmentId = seated.Id }).Record;
        async Task<Attempt> SubmitAsync(Func<SampleClientRecord, SampleClientRecord> enter) =>
            (await assignments.SubmitAttemptAsync(new SubmitAttemptRequest { RequestId = Guid.NewGuid().ToString(), AssignmentId = seated.Id, Record = enter(Model()) })).Attempt;
        switch (spec.Outcome)
        {
            case JourneyOutcome.ThreeFailures:
                for (var i = 0; i < 3; i++)
                {
                    Expect(AttemptOutcome.CorrectionsNeeded, await SubmitAsync(Records.WrongBirthDate));
                }
                return;
            case JourneyOutcome.CorrectionsThenPass:
                Expect(AttemptOutcome.CorrectionsNeeded, await SubmitAsync(Records.WrongBirthDate));
                break;
            case JourneyOutcome.WalkthroughThenPass:
                var walkthrough = Expect(AttemptOutcome.Walkthrough, await SubmitAsync(Records.WrongProject));
                await new SampleClientAssignments.SampleClientAssignmentsClient(platform.HmisTeam).ScheduleWalkthroughAsync(new ScheduleWalkthroughRequest
                {
                    RequestId = Guid.NewGuid().ToString(), AssignmentId = seated.Id, AttemptId = walkthrough.Id, StaffMember = "HMIS trainer",
                    StartsAt = Timestamp.FromDateTimeOffset((await ClockNowAsync()).AddHours(2)), Length = Duration.FromTimeSpan(TimeSpan.FromMinutes(30)),
                });
                break;
            case JourneyOutcome.RedoTrainingThenPass:
                Expect(AttemptOutcome.RedoTraining, await SubmitAsync(Records.WrongProjectWithoutEntry));
                // The project course opens again once Training hears of it; the trainee then takes it again.
                await Eventually.ReturnsAsync(() => PathAsync(user.PersonId, null), path => path.CompletedAt is null, Patience);
                await TrainAsync(user.PersonId, null);
                seated = await SeatedAsync(assignments, user.PersonId);
                break;
        }
        Expect(AttemptOutcome.Passed, await SubmitAsync(model => model));
    }

    private async Task HelpDeskAsync(SimulatedAgency agency, AccessRequest request, RequestedUser user)
    {
        var credentials = new Credentials.CredentialsClient(agency.Ata);
        // The ATA is told once the training is complete; notifying before is refused.
        await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                await credentials.NotifyHelpDeskAsync(new NotifyHelpDeskRequest { RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.Id, PersonId = user.PersonId });
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Reason() == "TRAINING_NOT_COMPLETE")
            {
                return false;
            }
        }, done => done, Patience);
        await new Credentials.CredentialsClient(platform.HmisTeam).GrantHelpDeskAccessAsync(new GrantHelpDeskAccessRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.Id, PersonId = user.PersonId,
        });
    }

    private async Task SignAndConfirmAsync(SimulatedAgency agency, GrpcChannel trainee, RequestedUser user)
    {
        var own = new Credentials.CredentialsClient(trainee);
        var pending = await Eventually.ReturnsAsync(
            async () => (await own.GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = user.PersonId })).Accounts
                .FirstOrDefault(a => a.AgencyId == agency.Id && a.Status == AccountStatus.PendingAgreement),
            a => a is not null, Patience);
        await own.SignEndUserAgreementAsync(new SignEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = pending!.Id, TypedFullName = $"{user.GivenName} {user.FamilyName}",
        });
        await new Credentials.CredentialsClient(agency.Ata).ConfirmEndUserAgreementAsync(new ConfirmEndUserAgreementRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccountId = pending.Id,
        });
    }

    /// <summary>Current users of the agency (a full journey first), who then need a new project.</summary>
    private async Task<JourneyResult> NewProjectAccessAsync(JourneySpec spec)
    {
        var earlier = await FullJourneyAsync(spec with { Outcome = JourneyOutcome.Pass, ProjectTypes = [ProjectType.EmergencyShelter] }, home);
        await ClosedAsync(earlier);
        var request = await SubmitAsync(home, RequestType.NewProjectAccess, spec,
            [.. earlier.People.Select(p => (p.GivenName, p.FamilyName, p.Email, ""))]);
        request = await ApproveAsync(request);
        if (request.TransferPath != TransferPath.FullTransfer)
        {
            foreach (var user in request.Users)
            {
                await TrainAsync(user.PersonId, request.Id);
            }
        }
        return Result(spec, home, request, AccessRequestStatus.Completed) with { Before = [earlier] };
    }

    /// <summary>Someone live at another agency moves here: the returning-user form, their one sign-in moving with them.</summary>
    private async Task<JourneyResult> ReturningUserAsync(JourneySpec spec)
    {
        var earlier = await FullJourneyAsync(spec with { Outcome = JourneyOutcome.Pass, People = 1 }, elsewhere);
        await ClosedAsync(earlier);
        var person = earlier.People[0];
        var username = (await new Credentials.CredentialsClient(platform.HmisTeam).GetPersonAccessAsync(new GetPersonAccessRequest { PersonId = person.PersonId }))
            .Accounts.Single(a => a.AgencyId == elsewhere.Id).Username;
        var moved = await FullJourneyAsync(spec with { Outcome = JourneyOutcome.Pass }, home, RequestType.ReturningUser,
            [(person.GivenName, person.FamilyName, home.Email($"{person.GivenName}.{person.FamilyName}".ToLowerInvariant()), username)]);
        return moved with { Spec = spec, Before = [earlier] };
    }

    private async Task<AccessRequest> SubmitAsync(SimulatedAgency agency, RequestType type, JourneySpec spec,
        IReadOnlyList<(string Given, string Family, string Email, string HmisUsername)> people)
    {
        var submit = new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = type, AgencyId = agency.Id, AtaId = agency.AtaId,
            Users = { people.Select(p => new NewUser { GivenName = p.Given, FamilyName = p.Family, Email = p.Email, HmisUsername = p.HmisUsername }) },
            Access = new Access { Responsibilities = { spec.Responsibilities }, ProjectTypes = { spec.ProjectTypes } },
        };
        var request = (await new AccessRequests.AccessRequestsClient(agency.Ata).SubmitAccessRequestAsync(submit)).AccessRequest;
        lock (_everyone)
        {
            _everyone.AddRange(request.Users.Select(u => (agency, u.PersonId)));
        }
        return request;
    }

    /// <summary>A journey's request closes a moment after its last step (the last event reaches Requests): a next request waits for it.</summary>
    private async Task ClosedAsync(JourneyResult journey) =>
        await Eventually.ReturnsAsync(async () => (await ReadAsync(journey.RequestId)).Status, status => status == journey.Expected, Patience);

    private IReadOnlyList<(string, string, string, string)> NewPeople(SimulatedAgency agency, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref _people);
            var (given, family) = (Names.Given[n % Names.Given.Length], $"{Names.Family[n / Names.Given.Length % Names.Family.Length]}{n}");
            return (given, family, agency.Email($"{given}.{family}".ToLowerInvariant()), "");
        })];

    /// <summary>The HMIS team's decision on the request as it is now (a fresh etag each time).</summary>
    private async Task<AccessRequest> DecideAsync(AccessRequest request, ReviewOutcome outcome, string reason = "", RequestType requiredForm = RequestType.Unspecified)
    {
        var now = await ReadAsync(request.Id);
        return (await ReviewDesk.ReviewAccessRequestAsync(new ReviewAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), AccessRequestId = request.Id, Etag = now.Etag, Outcome = outcome, Reason = reason, RequiredForm = requiredForm,
        })).AccessRequest;
    }

    /// <summary>Credit use first where the form uses credits, then the enrolments (or the accounts of a full transfer).</summary>
    private async Task<AccessRequest> ApproveAsync(AccessRequest request)
    {
        var now = await ReadAsync(request.Id);
        if (now.Type != RequestType.NewProjectAccess)
        {
            await DecideAsync(now, ReviewOutcome.ConfirmCreditUse);
        }
        return await DecideAsync(now, now.TransferPath == TransferPath.FullTransfer ? ReviewOutcome.CreateAccounts : ReviewOutcome.ConfirmEnrolments);
    }

    private async Task CeDecideAsync(AccessRequest request, CeDecision decision, string reason, bool waive)
    {
        var ce = await ceTeam();
        using var answer = await ce.Http.PostAsJsonAsync($"/v1/access-requests/{request.Id}/ce-decision", new JsonObject
        {
            ["requestId"] = Guid.NewGuid().ToString(), ["etag"] = (await ReadAsync(request.Id)).Etag, ["decision"] = decision.ToString() == "Approve" ? "CE_DECISION_APPROVE" : "CE_DECISION_DENY",
            ["reason"] = reason, ["waiveAssessment"] = waive,
        });
        if (!answer.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The CE team's decision was refused: {await answer.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// The HMIS team fits the path to the role before training: one more project course, and a PSH/RRH user's population
    /// course swapped for the other one (the rules let one of the two go while the other stays).
    /// </summary>
    private async Task TailorAsync(string personId, string requestId)
    {
        var path = await PathAsync(personId, requestId);
        var codes = path.Courses.Select(c => c.CourseCode).ToHashSet();
        var tailor = new Hmis.Training.V1.TailorLearningPathRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = personId, Reason = "Also covers the employment desk",
            AddCourses = { new[] { "EMPLOYMENT_INCOME", "SSVF", "SERVICES_ONLY" }.First(c => !codes.Contains(c)) },
        };
        foreach (var (from, to) in new[] { ("PSH_RRH_FAMILIES", "PSH_RRH_SINGLES"), ("PSH_RRH_SINGLES", "PSH_RRH_FAMILIES") }.Where(h => codes.Contains(h.Item1)))
        {
            tailor.AddCourses.Add(to);
            tailor.OmitCourses.Add(from);
        }
        var tailored = (await new TrainingClient(platform.HmisTeam).TailorLearningPathAsync(tailor)).LearningPath;
        var now = tailored.Courses.Select(c => c.CourseCode).ToHashSet();
        if (!tailor.AddCourses.All(now.Contains) || tailor.OmitCourses.Any(now.Contains))
        {
            throw new InvalidOperationException($"The tailored path is [{string.Join(", ", now)}], not what was asked.");
        }
    }

    /// <summary>Every course of the person's path not complete yet, in order: the LMS reports it; the CE team its role courses.</summary>
    private async Task TrainAsync(string personId, string? requestId)
    {
        var path = await PathAsync(personId, requestId);
        foreach (var course in path.Courses.Where(c => c.Status != Hmis.Training.V1.CourseStatus.Complete))
        {
            await ProgressAsync(personId, course.CourseCode);
        }
    }

    private async Task ProgressAsync(string personId, string courseCode)
    {
        if (courseCode is "HOUSING_RESOURCE_SPECIALIST" or "HOUSING_SYSTEM_NAVIGATOR")
        {
            var ce = await ceTeam();
            using var recorded = await ce.Http.PostAsJsonAsync($"/v1/people/{personId}/courses/{courseCode}/progress", new JsonObject
            {
                ["requestId"] = Guid.NewGuid().ToString(), ["percent"] = 100, ["source"] = "CE team session",
            });
            if (!recorded.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The CE team's record was refused: {await recorded.Content.ReadAsStringAsync()}");
            }
            return;
        }
        await new TrainingClient(platform.Lms).RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = personId, CourseCode = courseCode, Percent = 100, Source = "LMS",
        });
    }

    /// <summary>The person's path for the request (or their latest), once the approval reached Training.</summary>
    private async Task<Hmis.Training.V1.LearningPath> PathAsync(string personId, string? requestId) =>
        (await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                var path = (await new TrainingClient(platform.Lms).GetLearningPathAsync(new Hmis.Training.V1.GetLearningPathRequest { PersonId = personId })).LearningPath;
                return requestId is null || path.AccessRequestId == requestId ? path : null;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, path => path is not null, Patience))!;

    /// <summary>The trainee's assignment once they hold a seat (the line moves as others pass).</summary>
    private static async Task<Assignment> SeatedAsync(SampleClientAssignments.SampleClientAssignmentsClient assignments, string personId) =>
        (await Eventually.ReturnsAsync(async () =>
        {
            try
            {
                return (await assignments.GetAssignmentAsync(new GetAssignmentRequest { PersonId = personId })).Assignment;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
            {
                return null;
            }
        }, a => a is { Status: AssignmentStatus.Seated }, Patience))!;

    private async Task<DateTimeOffset> ClockNowAsync() =>
        (await new Hmis.Gateway.V1.TestClock.TestClockClient(platform.HmisTeam).GetTestClockAsync(new Hmis.Gateway.V1.GetTestClockRequest())).Now.ToDateTimeOffset();

    private async Task<AccessRequest> ReadAsync(string id) =>
        (await ReviewDesk.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = id })).AccessRequest;

    private static Attempt Expect(AttemptOutcome outcome, Attempt attempt) =>
        attempt.Outcome == outcome ? attempt : throw new InvalidOperationException($"The attempt was graded {attempt.Outcome}, not {outcome}.");

    private static JourneyResult Result(JourneySpec spec, SimulatedAgency agency, AccessRequest request, AccessRequestStatus expected) =>
        new(spec, agency, request.Id, request.Users, expected);
}
