using System.Globalization;
using System.Text;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.BuildingBlocks.Domain;
using Enrollment = HmisPlatform.Assessment.Domain.Records.Enrollment;
using HouseholdMember = HmisPlatform.Assessment.Domain.Records.HouseholdMember;
using ReleaseOfInformation = HmisPlatform.Assessment.Domain.Records.ReleaseOfInformation;
using ServiceTransaction = HmisPlatform.Assessment.Domain.Records.ServiceTransaction;
using SourceEntry = HmisPlatform.Assessment.Domain.Records.SourceEntry;
using Stay = HmisPlatform.Assessment.Domain.Records.Stay;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>One variant of a scenario: the case's documents as the trainee reads them, and the model record.</summary>
public sealed record ScenarioCase(Scenario Scenario, int Variant, string Narrative, IReadOnlyList<ScenarioDocument> Documents, ClientRecord Model);

public sealed record ScenarioDocument(string Title, string Text);

/// <summary>
/// Draws a scenario's variant from a seed: names, dates, amounts and who is in the household change from one
/// variant to the next, the workflow does not. The same variant always gives the same case. Names come from a list of
/// invented ones, and social security numbers start with 9, which the SSA never issues: no real person's data, ever.
/// </summary>
internal static class ScenarioCases
{
    private static readonly string[] FirstNames = ["Avery", "Jordan", "Morgan", "Riley", "Casey", "Quinn", "Rowan", "Skyler", "Emerson", "Harper", "Dakota", "Reese", "Finley", "Sage", "Marlowe", "Tatum"];
    private static readonly string[] LastNames = ["Testperson", "Samplewood", "Fictio", "Demoson", "Trainer", "Mockley", "Exampleton", "Practis", "Drillby", "Rehearsal", "Modelin", "Placeholt"];
    private static readonly string[] ChildNames = ["Milo", "Nova", "Ezra", "Luna", "Otis", "Ivy", "Arlo", "Wren"];
    private static readonly Race[] RaceChoices = [Race.BlackAfricanAmerican, Race.White, Race.HispanicLatino, Race.Asian, Race.AmericanIndianAlaskaNativeIndigenous, Race.MiddleEasternNorthAfrican, Race.NativeHawaiianPacificIslander];

    public static ScenarioCase Build(Scenario scenario, int variant, DateOnly asOf)
    {
        var random = new Random(unchecked(variant * 7919 + scenario.Code.Sum(c => c)));
        var story = scenario.Story;
        var start = asOf.AddDays(-random.Next(45, 75));
        var interim = start.AddDays(random.Next(10, 21));
        var exit = interim.AddDays(random.Next(6, 16));

        var lastName = Pick(random, LastNames);
        var client = Person(random, Pick(random, FirstNames), lastName, asOf.AddYears(-random.Next(24, 62)).AddDays(-random.Next(0, 365)),
            story.Veteran ? YesNo.Yes : YesNo.No, story.SsnUnknown);
        var members = story.Household switch
        {
            HouseholdShape.ParentWithTwoChildren =>
            [
                new HouseholdMember(Person(random, Pick(random, ChildNames), lastName, asOf.AddYears(-random.Next(9, 14)).AddDays(-random.Next(0, 365)), YesNo.Unspecified), RelationshipToHead.Child),
                new HouseholdMember(Person(random, Pick(random, ChildNames), lastName, asOf.AddYears(-random.Next(2, 8)).AddDays(-random.Next(0, 365)), YesNo.Unspecified), RelationshipToHead.Child),
            ],
            HouseholdShape.Couple =>
                [new HouseholdMember(Person(random, Pick(random, FirstNames), lastName, asOf.AddYears(-random.Next(24, 62)).AddDays(-random.Next(0, 365)), YesNo.No), RelationshipToHead.SpouseOrPartner)],
            _ => (IReadOnlyList<HouseholdMember>)[],
        };

        // Income: one source from well before entry, a second one started just before the interim assessment.
        var entryIncome = new SourceEntry(story.EntryIncome, random.Next(30, 95) * 10, start.AddDays(-random.Next(60, 700)), null);
        var laterIncome = new SourceEntry(story.LaterIncome, random.Next(60, 160) * 10, interim.AddDays(-random.Next(1, 6)), null);
        var nonCash = new SourceEntry(story.NonCash, 0, start.AddDays(-random.Next(30, 400)), null);
        var insurance = new SourceEntry(story.Insurance, 0, start.AddDays(-random.Next(30, 900)), null);
        IReadOnlyList<SubAssessmentEntry> SubAssessments(bool withLaterIncome) =>
        [
            new(SubAssessmentKind.Income, true, withLaterIncome ? [entryIncome, laterIncome] : [entryIncome]),
            new(SubAssessmentKind.NonCashBenefits, true, [nonCash]),
            new(SubAssessmentKind.HealthInsurance, true, [insurance]),
        ];
        var disabling = story.Disabled ? YesNo.Yes : YesNo.No;
        var housedAt = scenario.HousingMoveIn ? LivingSituation.RentalWithSubsidy : story.Current;
        var assessments = new List<AssessmentEntry>
        {
            new(AssessmentStage.Entry, start, disabling, story.Prior, story.Current, SubAssessments(false)),
            new(AssessmentStage.Interim, interim, disabling, story.Prior, housedAt, SubAssessments(true), scenario.HousingMoveIn ? interim : null),
            new(AssessmentStage.Exit, exit, disabling, story.Prior, housedAt, SubAssessments(true), null, story.ReasonForLeaving, story.Destination),
        };

        var stays = scenario.NightByNight ? StaysOf(scenario, random, start, exit) : [];
        // RRH assistance is paid once, on the move-in day; contacts and case management are recorded at entry and at the update.
        var services = scenario.Services.SelectMany(type => type == ServiceType.RrhRentalAssistance
            ? [new ServiceTransaction(type, interim, random.Next(90, 160) * 10)]
            : new[] { new ServiceTransaction(type, start, 0), new ServiceTransaction(type, interim, 0) }).ToList();

        var model = new ClientRecord(
            client,
            RelationshipToHead.Self,
            members,
            new ReleaseOfInformation(start, start.AddYears(1).AddDays(-1)),
            story.LockRequested,
            new Enrollment(scenario.ProjectType, scenario.Provider, start, assessments, exit, stays, services));
        var (narrative, documents) = ScenarioText.Write(scenario, model);
        return new ScenarioCase(scenario, variant, narrative, documents, model);
    }

    private static PersonProfile Person(Random random, string first, string last, DateOnly dateOfBirth, YesNo veteran, bool ssnUnknown = false)
    {
        var races = new HashSet<Race> { Pick(random, RaceChoices) };
        if (random.Next(4) == 0)
        {
            races.Add(Pick(random, RaceChoices));
        }
        return new PersonProfile(first, last, DataQuality.Full, dateOfBirth,
            ssnUnknown ? "" : string.Create(CultureInfo.InvariantCulture, $"9{random.Next(10, 100)}{random.Next(10, 100)}{random.Next(1000, 10000)}"),
            ssnUnknown ? DataQuality.ClientDoesntKnow : DataQuality.Full,
            races, new HashSet<Gender> { random.Next(2) == 0 ? Gender.Woman : Gender.Man }, veteran);
    }

    /// <summary>Three stays: nights at a shelter, single days at a drop-in center; the last one ends on the exit day.</summary>
    private static List<Stay> StaysOf(Scenario scenario, Random random, DateOnly start, DateOnly exit)
    {
        var dayVisits = scenario.ProjectType == ProjectType.DropInDayShelter;
        var first = new Stay(start, dayVisits ? start : start.AddDays(random.Next(3, 7)));
        var secondIn = first.CheckOut!.Value.AddDays(random.Next(2, 4));
        var second = new Stay(secondIn, dayVisits ? secondIn : secondIn.AddDays(random.Next(2, 5)));
        var third = new Stay(dayVisits ? exit : second.CheckOut!.Value.AddDays(1), exit);
        return [first, second, third];
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
