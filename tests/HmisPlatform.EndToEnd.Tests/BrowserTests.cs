using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using Hmis.Gateway.V1;
using Hmis.Requests.V1;
using HmisPlatform.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HmisPlatform.EndToEnd.Tests;

/// <summary>
/// The web UI in Debian's Chromium, against the whole platform: the ATA's guided request, the HMIS team's review
/// desk, the trainee's page, the ATA's confirmation, the journey, agency boundaries and a service that is down.
/// Every step saves a screenshot under artifacts/screenshots.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrowserTests(PlatformFixture platform) : IAsyncLifetime
{
    private Browser _browser = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(30_000);
        _browser = await Browser.LaunchAsync(platform.GatewayHttp);
    }

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    [Fact]
    public async Task ReturningUser_FromTheGuidedRequestToLiveCredentials_InTheBrowser()
    {
        // Earlier: Noor went through the whole process at Lakeview, and has a live account there.
        var lakeview = platform.Driver();
        var earlier = await lakeview.SubmitAndApproveAsync("Noor", "Haddad");
        var personId = earlier.Users[0].PersonId;
        await lakeview.SignUpTraineeAsync(earlier.Id, earlier.Users[0]);
        await lakeview.CompleteTrainingAsync(personId);
        await lakeview.PassAssignmentAsync(personId);
        var lakeviewAccount = await lakeview.ConfirmAgreementAsAtaAsync((await lakeview.SignAgreementAsync(personId, "Noor Haddad")).Id);

        // Southside's ATA asks for Noor and a new colleague together: the guided request finds each one's form from
        // their records, and puts Noor, who fits another form, on a request of her own.
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.SouthsideAta, Demo.Password);
        await ata.GotoAsync("/requests/new");
        await Expect(ata).ToHaveTitleAsync("New request – HmisPlatform");
        await ata.GetByLabel("Services Only").CheckAsync();
        await ata.GetByRole(AriaRole.Textbox, new() { Name = "Given name", Exact = true }).FillAsync("Noor");
        await ata.GetByRole(AriaRole.Textbox, new() { Name = "Family name", Exact = true }).FillAsync("Haddad");
        await ata.GetByLabel("Agency e-mail").FillAsync("noor.haddad@gmail.example.com");
        await ata.GetByLabel("Agency e-mail").BlurAsync();
        await Expect(ata.Locator("#email-1-error")).ToContainTextAsync("not in one of the agency's email domains");
        await Expect(ata.GetByLabel("Agency e-mail")).ToHaveAttributeAsync("aria-invalid", "true");
        await ata.GetByLabel("Agency e-mail").FillAsync("noor.haddad@southside.example.org");
        await ata.GetByLabel("Agency e-mail").BlurAsync();
        await Expect(ata.Locator("#email-1-error")).ToHaveCountAsync(0);
        await ata.GetByLabel("Earlier HMIS username (if any)").FillAsync(lakeviewAccount.Username);
        await ata.GetByLabel("Earlier HMIS username (if any)").BlurAsync();
        await Expect(ata.Locator("#email-1-form")).ToContainTextAsync("Fits Returning user");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Add a person" }).ClickAsync();
        await ata.Locator("#given-2").FillAsync("Ines");
        await ata.Locator("#family-2").FillAsync("Okafor");
        await ata.Locator("#email-2").FillAsync("ines.okafor@southside.example.org");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Check the request" }).ClickAsync();
        await Expect(ata.GetByRole(AriaRole.Heading, new() { Name = "2 requests, one for each form" })).ToBeVisibleAsync();
        await Expect(ata.GetByRole(AriaRole.Heading, new() { Name = "Returning user" })).ToBeVisibleAsync();
        await Expect(ata.GetByText("One user per request.")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(ata, "01-ata-guided-request-returning-user");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Submit 2 requests" }).ClickAsync();
        await Expect(ata.Locator("#submitted")).ToContainTextAsync("2 requests submitted.");
        await Expect(ata.Locator("#submitted li").Filter(new() { HasText = "Noor Haddad" })).ToContainTextAsync("Returning user form");
        await Expect(ata.Locator("#submitted li").Filter(new() { HasText = "Ines Okafor" })).ToContainTextAsync("New agency users form");

        var request = await Eventually.ReturnsAsync(
            async () => (await lakeview.ReviewDesk.GetJourneyAsync(new GetJourneyRequest { PersonId = personId })).Journey,
            j => j.AccessRequestId != earlier.Id, TimeSpan.FromSeconds(30));
        var submitted = (await lakeview.ReviewDesk.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = request!.AccessRequestId })).AccessRequest;
        Assert.Equal((RequestType.ReturningUser, Demo.SouthsideAgencyId), (submitted.Type, submitted.AgencyId));

        // The HMIS team approves it at the review desk: credit use first, then the enrolments.
        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await hmis.GotoAsync("/review");
        await Expect(hmis.GetByRole(AriaRole.Heading, new() { Name = "Review desk" })).ToBeVisibleAsync();
        await hmis.GotoAsync($"/review/{submitted.Id}");
        // Beside the request: Noor's live account at Lakeview, from Credentialing.
        await Expect(hmis.Locator(".earlier")).ToContainTextAsync($"{lakeviewAccount.Username} at another agency, Active");
        await Expect(hmis.Locator(".earlier-training")).ToContainTextAsync("(an earlier request)");
        await DecideAsync(hmis, "Confirm credit use");
        await DecideAsync(hmis, "Confirm enrolments");
        await Expect(hmis.Locator("#request-status")).ToHaveTextAsync("In progress");
        await Browser.ScreenshotAsync(hmis, "02-hmis-review-desk-approved");

        // Noor's one sign-in moves to Southside with the approval, whose e-mail brings the link to set a new password;
        // Noor signs in there and sees progress as soon as the LMS reports it.
        var invitationPath = await platform.Mail().SignInPathAsync("noor.haddad@southside.example.org", submitted.Id);
        var trainee = await _browser.NewPageAsync(narrow: true);
        await trainee.GotoAsync(invitationPath!);
        await trainee.GetByLabel("New password").FillAsync("Lantern-learns-2026");
        await trainee.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Browser.SignInAsync(trainee, "noor.haddad@southside.example.org", "Lantern-learns-2026");
        var path = await Eventually.ReturnsAsync(
            async () => (await lakeview.StaffTraining.GetLearningPathAsync(new Hmis.Training.V1.GetLearningPathRequest { PersonId = personId })).LearningPath,
            p => p.AccessRequestId == submitted.Id, TimeSpan.FromSeconds(60));
        var course = path!.Courses.First(c => c.Status != Hmis.Training.V1.CourseStatus.Complete);
        await lakeview.Lms.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
        {
            RequestId = Guid.NewGuid().ToString(), PersonId = personId, CourseCode = course.CourseCode, Percent = 40,
        });
        await trainee.GotoAsync("/me");
        await Expect(trainee.Locator($".percent[data-course='{course.CourseCode}']")).ToHaveTextAsync("40%");
        await Browser.ScreenshotAsync(trainee, "03-trainee-progress-narrow");

        // The rest of training and the assignment, through the API; then Noor signs the agreement on their page.
        foreach (var left in path.Courses.Where(c => c.Status != Hmis.Training.V1.CourseStatus.Complete))
        {
            await lakeview.Lms.RecordCourseProgressAsync(new Hmis.Training.V1.RecordCourseProgressRequest
            {
                RequestId = Guid.NewGuid().ToString(), PersonId = personId, CourseCode = left.CourseCode, Percent = 100,
            });
        }
        var assignment = await Eventually.ReturnsAsync(
            async () => (await lakeview.StaffAssessment.GetAssignmentAsync(new GetAssignmentRequest { PersonId = personId })).Assignment,
            a => a.Status == AssignmentStatus.Seated, TimeSpan.FromSeconds(60));
        // Noor submits the record through Southside's case system, signed in as Noor.
        var southsideSystem = await lakeview.RegisterAgencySystemAsync(Demo.SouthsideAgencyId);
        await lakeview.SignInTraineeAsync(personId, "noor.haddad@southside.example.org", "Lantern-learns-2026", southsideSystem);
        await lakeview.PassAssignmentAsync(personId);
        // Signing in for the case system was another workstation: the page's earlier session ended, and Noor signs in again.
        await trainee.GotoAsync("/me");
        await trainee.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await Browser.SignInAsync(trainee, "noor.haddad@southside.example.org", "Lantern-learns-2026");
        await trainee.GotoAsync("/me");
        await Expect(trainee.GetByLabel("Type your full name to sign")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await trainee.GetByLabel("Type your full name to sign").FillAsync("Noor Haddad");
        await trainee.GetByRole(AriaRole.Button, new() { Name = "Sign the agreement" }).ClickAsync();
        await Expect(trainee.Locator(".account-status").First).ToHaveTextAsync("Pending confirmation");
        await Browser.ScreenshotAsync(trainee, "04-trainee-signed-agreement");

        // Each step was told to Noor in their inbox too; opening one and marking it read.
        await trainee.GotoAsync("/inbox");
        var approvedNote = trainee.Locator(".inbox li", new() { HasText = "Approved for HMIS training" }).First;
        await Expect(approvedNote).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await approvedNote.Locator("summary").ClickAsync();
        await approvedNote.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mark read") }).ClickAsync();
        await Expect(approvedNote).ToHaveClassAsync("read");
        await Browser.ScreenshotAsync(trainee, "08-trainee-inbox");

        // Southside's ATA confirms it on Noor's page, and the journey shows the credentials issued.
        await ata.GotoAsync($"/people/{personId}");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Confirm the signed agreement" }).ClickAsync();
        await Expect(ata.Locator(".account-status").First).ToHaveTextAsync("Active");
        await Eventually.ReturnsAsync(async () =>
        {
            await ata.ReloadAsync();
            return await ata.Locator("ol.timeline").TextContentAsync(new() { Timeout = 30_000 }) ?? "";
        }, text => text.Contains("Credentials issued", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        await Expect(ata.Locator("#journey-stage")).ToContainTextAsync("Complete");
        await Browser.ScreenshotAsync(ata, "05-ata-confirmed-journey-credentials-issued");

        // Lakeview's ATA cannot open Southside's journey of Noor.
        var other = await _browser.NewPageAsync();
        await Browser.SignInAsync(other, Demo.LakeviewAta, Demo.Password);
        await other.GotoAsync($"/people/{personId}");
        await Expect(other.GetByText("This is not available to you.").First).ToBeVisibleAsync();
        await Expect(other.Locator("ol.timeline")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(other, "06-other-agency-refused");
    }

    [Fact]
    public async Task CeTeam_ApprovesAnHrs1474RequestFromItsQueue_AndItReturnsToTheHmisTeam()
    {
        var lakeview = platform.Driver();
        var submitted = (await lakeview.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = RequestType.HrsCe1474, AgencyId = JourneyDriver.LakeviewAgencyId, AtaId = JourneyDriver.LakeviewAtaId,
            Users = { new NewUser { GivenName = "Mina", FamilyName = "Okafor", Email = "mina.okafor@lakeview.example.org" } },
            Access = new Access { Responsibilities = { Responsibility.ReceiveReferrals }, ProjectTypes = { ProjectType.CoordinatedEntry1474 } },
        })).AccessRequest;
        var ce = await _browser.NewPageAsync();
        await Browser.SignInAsync(ce, Demo.CeCoordinator, Demo.Password, Demo.CeCoordinatorKey);

        await ce.GotoAsync("/ce");
        await ce.Locator($"a[href='/review/{submitted.Id}']").ClickAsync();
        await Expect(ce.Locator("#request-status")).ToHaveTextAsync("Awaiting CE decision");
        // Denying needs a reason: the service's refusal shows beside the field, and nothing changes.
        await ce.GetByLabel("Deny").CheckAsync();
        await ce.GetByRole(AriaRole.Button, new() { Name = "Record CE decision" }).ClickAsync();
        await Expect(ce.Locator("#ce-reason-error")).ToBeVisibleAsync();
        await Expect(ce.Locator("#request-status")).ToHaveTextAsync("Awaiting CE decision");
        await ce.GetByLabel("Approve").CheckAsync();
        await ce.GetByRole(AriaRole.Button, new() { Name = "Record CE decision" }).ClickAsync();

        await Expect(ce.Locator("ol.history")).ToContainTextAsync("CE approve");
        await Expect(ce.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Browser.ScreenshotAsync(ce, "09-ce-team-approved-1474");
    }

    [Fact]
    public async Task Ata_AnswersTheHmisTeamsQuestion_ThenWithdrawsTheRequest()
    {
        var lakeview = platform.Driver();
        var submitted = (await lakeview.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = RequestType.NewAgencyUsers, AgencyId = JourneyDriver.LakeviewAgencyId, AtaId = JourneyDriver.LakeviewAtaId,
            Users = { new NewUser { GivenName = "Rafa", FamilyName = "Quintero", Email = "rafa.quintero@lakeview.example.org" } },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        })).AccessRequest;
        await lakeview.ReviewAsync(submitted, ReviewOutcome.RequestInformation, "Which shelter will Rafa work at?");
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);

        // My agency shows the request that waits on the ATA; its page asks the question.
        await ata.GotoAsync("/agency");
        await Expect(ata.Locator("#credit-balance")).ToContainTextAsync("available");
        await Expect(ata.Locator("#ata-training")).ToContainTextAsync("completed");
        await Expect(ata.Locator("#statement")).ToContainTextAsync("Credits used");
        await Expect(ata.Locator("#ledger")).ToContainTextAsync("Purchase");
        var row = ata.Locator("tr.waits-on-you", new() { HasText = "Rafa Quintero" });
        await Expect(row).ToContainTextAsync("Waits on you");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(ata.Locator("ol.history")).ToContainTextAsync("Which shelter will Rafa work at?");
        // An empty answer is refused beside the field, and nothing changes.
        await ata.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Expect(ata.Locator("#information-error")).ToBeVisibleAsync();
        await ata.GetByLabel("Your answer").FillAsync("The North Avenue shelter, intake desk.");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }).ClickAsync();
        await Expect(ata.Locator("#request-status")).ToHaveTextAsync("Submitted");
        await Browser.ScreenshotAsync(ata, "10-ata-answered-more-information");

        await ata.GetByText("Withdraw this request").ClickAsync();
        await ata.GetByLabel("Why it is withdrawn").FillAsync("Rafa took a position at another agency.");
        await ata.GetByRole(AriaRole.Button, new() { Name = "Withdraw the request" }).ClickAsync();
        await Expect(ata.Locator("#request-status")).ToHaveTextAsync("Withdrawn");
        await Browser.ScreenshotAsync(ata, "11-ata-withdrew-request");
        var history = (await lakeview.ReviewDesk.ListAccessRequestHistoryAsync(new ListAccessRequestHistoryRequest { AccessRequestId = submitted.Id })).Changes;
        Assert.Equal(AccessRequestStatus.Withdrawn, history[^1].ToStatus);
        Assert.Equal("Rafa took a position at another agency.", history[^1].Reason);
    }

    [Fact]
    public async Task Supervisor_ValidatesTheNewHire_InTheBrowser_ThenHearsOfTheApprovalAsTheAtaDoes()
    {
        var lakeview = platform.Driver();
        var submitted = (await lakeview.Requests.SubmitAccessRequestAsync(new SubmitAccessRequestRequest
        {
            RequestId = Guid.NewGuid().ToString(), Type = RequestType.NewAgencyUsers, AgencyId = JourneyDriver.LakeviewAgencyId, AtaId = JourneyDriver.LakeviewAtaId,
            Users = { new NewUser { GivenName = "Ines", FamilyName = "Okafor", Email = "ines.okafor@lakeview.example.org" } },
            Access = new Access { Responsibilities = { Responsibility.EnterClientData }, ProjectTypes = { ProjectType.EmergencyShelter } },
        })).AccessRequest;
        var supervisor = await _browser.NewPageAsync();
        await Browser.SignInAsync(supervisor, Demo.LakeviewSupervisor, Demo.Password);

        // A Supervisor validates new hires; the ATA submits: no "New request" for them.
        var menu = supervisor.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "My agency" })).ToBeVisibleAsync();
        await Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "New request" })).ToHaveCountAsync(0);
        await supervisor.GotoAsync($"/requests/{submitted.Id}");
        await Expect(supervisor.Locator("#new-hire-validations")).ToHaveTextAsync("the submitting ATA only");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "Validate them as our new hires" }).ClickAsync();
        await Expect(supervisor.Locator("#new-hire-validations")).ToContainTextAsync("Morgan Ellis (Supervisor)");
        await Expect(supervisor.GetByRole(AriaRole.Button, new() { Name = "Validate them as our new hires" })).ToHaveCountAsync(0);
        await Expect(supervisor.Locator("ol.history")).ToContainTextAsync("New hire validated");
        await Browser.ScreenshotAsync(supervisor, "17-supervisor-validated-new-hire");

        // From now on the Supervisor hears what the ATA hears: the approval, by e-mail and in their inbox.
        var reviewed = await lakeview.ReviewAsync(await lakeview.ReviewAsync(
            (await lakeview.ReviewDesk.GetAccessRequestAsync(new GetAccessRequestRequest { AccessRequestId = submitted.Id })).AccessRequest,
            ReviewOutcome.ConfirmCreditUse), ReviewOutcome.ConfirmEnrolments);
        Assert.Equal(AccessRequestStatus.InProgress, reviewed.Status);
        await platform.Mail().SubjectsAsync(Demo.LakeviewSupervisor, submitted.Id, "Approved for HMIS training");
        await supervisor.GotoAsync("/inbox");
        await Expect(supervisor.GetByText("Approved for HMIS training").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task HmisTeam_OverridesAGradedAttempt_WithAReason()
    {
        var lakeview = platform.Driver();
        var request = await lakeview.SubmitAndApproveAsync("Tomas", "Eriksen");
        var personId = request.Users[0].PersonId;
        await lakeview.SignUpTraineeAsync(request.Id, request.Users[0]);
        await lakeview.CompleteTrainingAsync(personId);
        var assignment = await lakeview.AssignmentAsync(personId, TimeSpan.FromSeconds(60));
        var record = (await lakeview.StaffAssessment.GetModelRecordAsync(new GetModelRecordRequest { AssignmentId = assignment.Id })).Record;
        record.Client.DateOfBirth = "1900-01-01";
        var graded = await lakeview.SubmitAttemptAsync(personId, assignment.Id, record);
        Assert.Equal(AttemptOutcome.CorrectionsNeeded, graded.Attempt.Outcome);

        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        // The tracker finds Tomas by part of the name; the search stays out of the URL.
        await hmis.GotoAsync("/people");
        await hmis.GetByLabel("Name, email, HMIS username, or a request or person id").FillAsync("eriksen tom");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(hmis.Locator("#search-results")).ToContainTextAsync("tomas.eriksen@lakeview.example.org");
        Assert.DoesNotContain("eriksen", hmis.Url, StringComparison.OrdinalIgnoreCase);
        await Browser.ScreenshotAsync(hmis, "14-hmis-person-search");
        await hmis.GetByRole(AriaRole.Link, new() { Name = "Tomas Eriksen" }).ClickAsync();
        await Expect(hmis.Locator(".attempt-outcome").Last).ToHaveTextAsync("Corrections needed");
        // An override without a reason is refused beside the field.
        await hmis.GetByLabel("New outcome").SelectOptionAsync(new SelectOptionValue { Label = "Passed" });
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();
        await Expect(hmis.Locator("#override-reason-error")).ToBeVisibleAsync();
        await hmis.GetByLabel("Reason for the override").FillAsync("The birth date was entered right; the scenario sheet had a typo.");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Override" }).ClickAsync();

        await Expect(hmis.Locator(".attempt-outcome").Last).ToHaveTextAsync("Passed");
        await Expect(hmis.GetByText("the HMIS team set it to Passed")).ToBeVisibleAsync();
        await Expect(hmis.GetByRole(AriaRole.Button, new() { Name = "Override" })).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(hmis, "12-hmis-overrode-attempt");
        var read = (await lakeview.StaffAssessment.GetAssignmentAsync(new GetAssignmentRequest { PersonId = personId })).Assignment;
        Assert.Equal((AttemptOutcome.Passed, AttemptOutcome.CorrectionsNeeded), (read.Attempts[^1].Outcome, read.Attempts[^1].GradedOutcome));
    }

    [Fact]
    public async Task HmisTeam_TailorsTheCourses_ToTheRole_WithinTheRules()
    {
        var lakeview = platform.Driver();
        var request = await lakeview.SubmitAndApproveAsync("Imani", "Brooks");
        var personId = request.Users[0].PersonId;
        await lakeview.LearningPathAsync(personId);

        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await hmis.GotoAsync($"/people/{personId}");
        await hmis.GetByText("Fit the courses to their role").ClickAsync();
        // Introduction stays on every path: the service's reason shows beside the field, and nothing changes.
        await hmis.GetByLabel("Omit a course").SelectOptionAsync(new SelectOptionValue { Value = "INTRO_HMIS" });
        await hmis.GetByLabel("Why the courses change").FillAsync("Knows HMIS already");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Change the courses" }).ClickAsync();
        await Expect(hmis.Locator("#tailor-omit-error")).ToBeVisibleAsync();
        await hmis.GetByLabel("Omit a course").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await hmis.GetByLabel("Add a course").SelectOptionAsync(new SelectOptionValue { Value = "EMPLOYMENT_INCOME" });
        await hmis.GetByLabel("Why the courses change").FillAsync("Also runs the employment desk");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Change the courses" }).ClickAsync();

        await Expect(hmis.Locator(".percent[data-course=EMPLOYMENT_INCOME]")).ToHaveTextAsync("0%");
        await Browser.ScreenshotAsync(hmis, "18-hmis-tailored-courses");
        var path = await lakeview.LearningPathAsync(personId);
        Assert.Equal(["INTRO_HMIS", "DATA_MANAGEMENT", "ES_TH_SH", "EMPLOYMENT_INCOME", "SAMPLE_CLIENT_FINAL_INSTRUCTIONS"], path.Courses.Select(c => c.CourseCode));
    }

    [Fact]
    public async Task HmisTeam_RecordsACreditPurchase_AndRegistersAndRevokesAnAgencySystem()
    {
        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        var clientId = $"lakeview-intake-{Guid.NewGuid().ToString("N")[..6]}";

        await hmis.GotoAsync("/agencies");
        await hmis.GetByRole(AriaRole.Link, new() { Name = "Lakeview Family Services" }).ClickAsync();
        await Expect(hmis.Locator("#apa")).ToContainTextAsync("current");
        // Renewing the APA: an end before its signing is refused beside the field; a later one is saved.
        await hmis.GetByText("Renew the APA or change the agency's domains").ClickAsync();
        await hmis.GetByLabel("APA ends on").FillAsync("2020-01-01");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Save the agency" }).ClickAsync();
        await Expect(hmis.Locator("#apa-ends-error")).ToBeVisibleAsync();
        await hmis.GetByLabel("APA ends on").FillAsync("2031-06-30");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Save the agency" }).ClickAsync();
        await Expect(hmis.Locator("#apa")).ToContainTextAsync("ends 2031-06-30");
        await OpenTabAsync(hmis, "Credits");
        await hmis.GetByLabel("Credits bought").FillAsync("5");
        await hmis.GetByLabel("Note (invoice, order)").FillAsync("Invoice 2026-118");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Record purchase" }).ClickAsync();
        await Expect(hmis.Locator("#ledger")).ToContainTextAsync("Invoice 2026-118");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Show statement" }).ClickAsync();
        await Expect(hmis.Locator("#statement")).ToContainTextAsync("Credits bought");
        // The ledger's newest line is the purchase, with the balance it left.
        var purchase = hmis.Locator("#ledger tbody tr").First;
        await Expect(purchase).ToContainTextAsync("Invoice 2026-118");
        await Expect(purchase.Locator("td").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        await Browser.ScreenshotAsync(hmis, "13-hmis-agency-credits-ledger");

        await OpenTabAsync(hmis, "Systems");

        // A client id that is not one is refused beside the field; a good one shows its secret once.
        await hmis.GetByLabel("Client id").FillAsync("Not An Id");
        await hmis.GetByLabel("Name", new() { Exact = true }).FillAsync("Lakeview intake system");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(hmis.Locator("#client-id-error")).ToBeVisibleAsync();
        await hmis.GetByLabel("Client id").FillAsync(clientId);
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(hmis.Locator("#client-secret")).ToBeVisibleAsync();
        var secret = await hmis.Locator("#client-secret").TextContentAsync();
        Assert.True(secret!.Length >= 40);
        await Browser.ScreenshotAsync(hmis, "13-hmis-agency-systems");

        await hmis.GetByRole(AriaRole.Button, new() { Name = $"Revoke {clientId}" }).ClickAsync();
        await hmis.GetByLabel($"Why {clientId} is revoked").FillAsync("Replaced by the new case system.");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Revoke it now" }).ClickAsync();
        await Expect(hmis.Locator("tr", new() { HasText = clientId })).ToContainTextAsync("revoked");
        var clients = (await new Clients.ClientsClient(platform.HmisTeamGateway).ListClientsAsync(new ListClientsRequest { AgencyId = JourneyDriver.LakeviewAgencyId })).Clients;
        Assert.NotNull(clients.Single(c => c.ClientId == clientId).RevokedAt);
    }

    [Fact]
    public async Task HmisTeam_NamesANewAta_WhoSetsTheirPasswordAndSeesTheirTrainingDeadline()
    {
        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await hmis.GotoAsync($"/agencies/{Demo.SouthsideAgencyId}");
        await OpenTabAsync(hmis, "ATAs and training");

        // An e-mail that already signs in is refused before anything is written.
        await hmis.GetByLabel("Full name").FillAsync("Jordan Lee");
        await hmis.GetByLabel("Agency e-mail").FillAsync(Demo.SouthsideAta);
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Name them" }).ClickAsync();
        await Expect(hmis.Locator("#admin-email-error")).ToContainTextAsync("can sign in already");
        await hmis.GetByLabel("Full name").FillAsync("Priya Natarajan");
        await hmis.GetByLabel("Agency e-mail").FillAsync("priya.natarajan@southside.example.org");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Name them" }).ClickAsync();
        // The link goes to Priya by e-mail; the HMIS team never sees it.
        await Expect(hmis.Locator("#invitation-sent")).ToContainTextAsync("priya.natarajan@southside.example.org");
        await Expect(hmis.Locator("tr", new() { HasText = "Priya Natarajan" })).ToContainTextAsync("Due");
        await Expect(hmis.Locator("tr", new() { HasText = "Priya Natarajan" })).ToContainTextAsync("Invited, password not set");
        await Expect(hmis.Locator("body")).Not.ToContainTextAsync("/account/set-password");
        await Browser.ScreenshotAsync(hmis, "16-hmis-named-ata");
        // Lost the first e-mail: the HMIS team sends it again, and only the new link works.
        var first = await platform.Mail().InvitationPathAsync("priya.natarajan@southside.example.org");
        await hmis.GetByRole(AriaRole.Button, new() { Name = "Send the invitation again to Priya Natarajan" }).ClickAsync();
        var link = await Eventually.ReturnsAsync(() => platform.Mail().InvitationPathAsync("priya.natarajan@southside.example.org"), l => l != first, TimeSpan.FromSeconds(60));

        var ata = await _browser.NewPageAsync();
        await ata.GotoAsync(first);
        await ata.GetByLabel("New password").FillAsync("Harbor-starts-2026");
        // The first link no longer shows an authenticator key, and sets nothing.
        await Expect(ata.Locator("[data-authenticator-key]")).ToHaveCountAsync(0);
        await ata.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(ata.Locator("body")).ToContainTextAsync("This link is not valid any more");
        await ata.GotoAsync(link);
        await ata.GetByLabel("New password").FillAsync("Harbor-starts-2026");
        // An ATA sets up the authenticator on the same page: the key is shown to the holder of the link alone.
        var key = await ata.Locator("[data-authenticator-key]").GetAttributeAsync("data-authenticator-key");
        Authenticators.Remember("priya.natarajan@southside.example.org", key!);
        await ata.GetByLabel("The 6-digit code").FillAsync(await Authenticators.NextCodeAsync(key!));
        await ata.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Browser.SignInAsync(ata, "priya.natarajan@southside.example.org", "Harbor-starts-2026");
        await ata.GotoAsync("/agency");
        await Expect(ata.Locator("#ata-training")).ToContainTextAsync("Due: complete it by");
    }

    [Fact]
    public async Task HmisTeam_SeesTheOverview_AsCharts()
    {
        // One request approved (its Request stage finished), one that waits for review.
        var lakeview = platform.Driver();
        var approved = await lakeview.SubmitAndApproveAsync("Wanda", "Ostrowski");
        // The Request stage ends when Training's enrolment reaches the journey, an event later.
        await lakeview.LearningPathAsync(approved.Users[0].PersonId);
        await Eventually.ReturnsAsync(
            async () => (await lakeview.ReviewDesk.GetJourneyAsync(new GetJourneyRequest { PersonId = approved.Users[0].PersonId })).Journey.CurrentStage,
            stage => stage == JourneyStage.Training, TimeSpan.FromSeconds(60));
        var hmis = await _browser.NewPageAsync();
        await Browser.SignInAsync(hmis, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);

        await hmis.GotoAsync("/overview");

        await Expect(hmis.Locator("#summary")).ToContainTextAsync("People on their way");
        await Expect(hmis.Locator("#funnel tr.stage")).ToHaveCountAsync(6);
        await Expect(hmis.Locator("#funnel tr.stage[data-stage='Training'] .bar")).ToBeVisibleAsync();
        await Expect(hmis.Locator(".small-multiples figure").First).ToContainTextAsync("Request: median");
        await Expect(hmis.Locator("#weekly rect").First).ToBeVisibleAsync();
        // Assessment's and Credentialing's parts of it, through their own APIs.
        await Expect(hmis.Locator("#expiring-total")).ToContainTextAsync("within 3 days");
        await Expect(hmis.Locator("#inactivity desc")).ToContainTextAsync("reach six months");
        await hmis.GetByText("The numbers").ClickAsync();
        await Expect(hmis.GetByRole(AriaRole.Columnheader, new() { Name = "New agency users" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(hmis, "15-hmis-overview-charts");

        // On a phone the figures and the stage chart keep the page's text size, and the page never scrolls sideways.
        var phone = await _browser.NewPageAsync(narrow: true);
        await Browser.SignInAsync(phone, Demo.HmisLead, Demo.Password, Demo.HmisLeadKey);
        await phone.GotoAsync("/overview");
        await Expect(phone.Locator("#funnel tr.stage")).ToHaveCountAsync(6);
        var fontSize = await phone.Locator("#funnel th[scope=row]").First.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        Assert.True(double.Parse(fontSize.Replace("px", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) >= 14, fontSize);
        await Browser.AssertNoSidewaysScrollAsync(phone);
        await Browser.ScreenshotAsync(phone, "15-hmis-overview-phone");
    }

    [Fact]
    public async Task TrainingServiceDown_ThePageSaysSo_AndTheRestStillShows()
    {
        var lakeview = platform.Driver();
        var request = await lakeview.SubmitAndApproveAsync("Ilse", "Varga");
        var personId = request.Users[0].PersonId;
        await lakeview.LearningPathAsync(personId);
        var ata = await _browser.NewPageAsync();
        await Browser.SignInAsync(ata, Demo.LakeviewAta, Demo.Password);

        await platform.CrashResourceAsync(ResourceNames.TrainingApi);
        try
        {
            await ata.GotoAsync($"/people/{personId}");
            await Expect(ata.GetByText("The Training service is not answering right now.")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(ata.Locator("#journey-stage")).ToContainTextAsync("Training");
            await Browser.ScreenshotAsync(ata, "07-training-service-down");
        }
        finally
        {
            await platform.StartResourceAsync(ResourceNames.TrainingApi);
        }
    }

    /// <summary>Opens one tab of a page in tabs (Fluent's tabs carry their role inside the element, where Playwright's role queries do not look).</summary>
    private static Task OpenTabAsync(IPage page, string name) => page.Locator("fluent-tab", new() { HasText = name }).ClickAsync();

    private static async Task DecideAsync(IPage page, string outcome)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = outcome }).ClickAsync();
        await Expect(page.Locator("ol.history")).ToContainTextAsync(outcome, new() { IgnoreCase = true });
    }
}
