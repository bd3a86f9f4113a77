using HmisPlatform.BuildingBlocks.Domain;
using HmisPlatform.Training.Domain.Catalog;
using HmisPlatform.Training.Domain.LearningPaths;
using HmisPlatform.Training.Domain.LmsAccounts;

namespace HmisPlatform.Training.Tests.Domain;

/// <summary>The go-live import's rules for LMS accounts and the courses taken before go-live.</summary>
public sealed class LmsImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 18, 0, 0, TimeSpan.Zero);

    private static LmsImport Import(IEnumerable<LmsAccount>? accounts = null, IEnumerable<ImportedCourseRecord>? records = null) =>
        new(accounts ?? [], records ?? [], CourseCatalog.Courses, Now);

    [Fact]
    public void RowsOfOneEmail_ShareOneAccount_CoursesByCodeOrTitle_AndTheSameRowsAgainAreUnchanged()
    {
        var person = Guid.NewGuid();
        var first = Import();
        var intro = first.Record(2, "ana@agency.example.org", "ana.l", "intro_hmis", 100, "2026-10-01", person);
        var data = first.Record(3, "ana@agency.example.org", "ana.l", "Data Management", 60, "", person);

        var second = Import(first.NewAccounts, first.NewRecords);
        var introAgain = second.Record(2, "ana@agency.example.org", "ana.l", "INTRO_HMIS", 100, "2026-10-01", person);
        var dataDone = second.Record(3, "ana@agency.example.org", "ana.l", "DATA_MANAGEMENT", 100, "2026-11-02", person);

        Assert.Equal((ImportOutcome.New, ImportOutcome.New), (intro.Outcome, data.Outcome));
        Assert.Equal(person, Assert.Single(first.NewAccounts).PersonId);
        Assert.Equal((ImportOutcome.Unchanged, ImportOutcome.Updated), (introAgain.Outcome, dataDone.Outcome));
        Assert.All([data, introAgain, dataDone], r => Assert.Equal(intro.Id, r.Id));
    }

    [Theory]
    [InlineData("NO_SUCH_COURSE", 100, "2026-10-01", "course", LmsImport.UnknownCourseReason)]
    [InlineData("INTRO_HMIS", 101, "2026-10-01", "progress_percent", LmsImport.InvalidProgressReason)]
    [InlineData("INTRO_HMIS", 100, "", "completed_on", LmsImport.CompletionDateReason)]
    [InlineData("INTRO_HMIS", 40, "2026-10-01", "completed_on", LmsImport.CompletionDateReason)]
    [InlineData("INTRO_HMIS", 100, "2027-01-01", "completed_on", ImportBatch.FutureDateReason)]
    public void ABadRow_IsRefusedByColumn_AndMakesNoAccount(string course, int percent, string completedOn, string column, string reason)
    {
        var import = Import();

        var row = import.Record(2, "ben@agency.example.org", "ben.k", course, percent, completedOn, null);

        Assert.Equal(ImportOutcome.Refused, row.Outcome);
        Assert.Contains(row.Problems, p => p.Field == column && p.Reason == reason);
        Assert.Empty(import.NewAccounts);
    }

    [Fact]
    public void AnotherUsernameForAnAccountsEmail_OrAnotherEmailsUsername_IsRefused()
    {
        var import = Import();
        import.Record(2, "cai@agency.example.org", "cai.m", "INTRO_HMIS", 100, "2026-10-01", null);

        var otherUsername = import.Record(3, "cai@agency.example.org", "cai.other", "DATA_MANAGEMENT", 100, "2026-10-01", null);
        var takenUsername = import.Record(4, "dev@agency.example.org", "cai.m", "INTRO_HMIS", 100, "2026-10-01", null);

        Assert.Equal(LmsImport.UsernameDiffersReason, Assert.Single(otherUsername.Problems).Reason);
        Assert.Equal(LmsAccount.UsernameTakenReason, Assert.Single(takenUsername.Problems).Reason);
    }

    [Fact]
    public void AnImportedCompletion_CountsOnTheNextPath_WhileItsMonthsLast()
    {
        var import = Import();
        var person = Guid.NewGuid();
        import.Record(2, "eve@agency.example.org", "eve.n", "INTRO_HMIS", 100, "2026-10-01", person);
        import.Record(3, "eve@agency.example.org", "eve.n", "DATA_MANAGEMENT", 100, "2026-03-01", person);
        var earlier = import.NewRecords.Select(r => r.AsEarlierCompletion(CourseCatalog.Find(r.CourseCode).ValidityMonths)!).ToList();

        var path = LearningPath.Enrol(person, Guid.NewGuid(), Guid.NewGuid(), [ProjectType.EmergencyShelter], readOnly: false,
            [CourseCatalog.Introduction, CourseCatalog.DataManagement, "ES_TH_SH"], earlier, ["agency.example.org"], lmsEmailOk: true, TimeSpan.FromDays(60), Now);

        Assert.True(path.Courses.Single(c => c.CourseCode == CourseCatalog.Introduction).CarriedOver);
        // Completed in March: six months ran out in September.
        Assert.False(path.Courses.Single(c => c.CourseCode == CourseCatalog.DataManagement).IsComplete);
    }
}
