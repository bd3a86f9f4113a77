using System.Globalization;
using System.Text;
using HmisPlatform.Assessment.Domain.Assignments;
using HmisPlatform.Assessment.Domain.Grading;
using HmisPlatform.Assessment.Domain.Records;
using Enrollment = HmisPlatform.Assessment.Domain.Records.Enrollment;
using HouseholdMember = HmisPlatform.Assessment.Domain.Records.HouseholdMember;
using ReleaseOfInformation = HmisPlatform.Assessment.Domain.Records.ReleaseOfInformation;
using ServiceTransaction = HmisPlatform.Assessment.Domain.Records.ServiceTransaction;
using SourceEntry = HmisPlatform.Assessment.Domain.Records.SourceEntry;
using Stay = HmisPlatform.Assessment.Domain.Records.Stay;

namespace HmisPlatform.Assessment.Domain.Scenarios;

/// <summary>
/// Writes a case as a trainee meets it: a story and the papers of the file, in plain words. The HMIS terms (which
/// assessment, which living situation, HUD verification) are the trainee's to find; that is what is graded.
/// </summary>
internal static class ScenarioText
{
    public static (string Narrative, IReadOnlyList<ScenarioDocument> Documents) Write(Scenario scenario, ClientRecord model)
    {
        var client = model.Client;
        var enrollment = model.Enrollment;
        var entry = model.AssessmentsAt(AssessmentStage.Entry).Single();
        var interim = model.AssessmentsAt(AssessmentStage.Interim).Single();
        var exit = model.AssessmentsAt(AssessmentStage.Exit).Single();
        var household = model.Members.Count == 0 ? "alone" : "with " + string.Join(" and ", model.Members.Select(m => $"their {Words(m.Relationship)} {m.Person.FirstName}"));

        var narrative =
            $"{client.FullName} comes to {scenario.Story.Setting} {household} on {D(enrollment.StartDate)} and is enrolled in {scenario.Provider}. " +
            $"Before that, {client.FirstName} had been {Words(entry.PriorLivingSituation)}; on the day of intake they are {Words(entry.CurrentLivingSituation)}. " +
            (scenario.HousingMoveIn ? $"On {D(interim.MoveInDate!.Value)} the household moves into its new apartment. " : $"On {D(interim.Date)} the case manager updates the record. ") +
            $"On {D(exit.Date)} {client.FirstName} leaves the project: {Words(exit.ReasonForLeaving)}, going to {Words(exit.Destination)}. " +
            $"Create the client and their household in the training site, then enter the whole enrollment as your project course taught: " +
            $"entry, the update in between, and exit, with every sub-assessment verified.";

        var intake = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Project: {scenario.Provider}")
            .AppendLine(CultureInfo.InvariantCulture, $"Date: {D(enrollment.StartDate)}");
        AppendPerson(intake, "Client (head of household)", client);
        foreach (var member in model.Members)
        {
            AppendPerson(intake, $"Household member, {Words(member.Relationship)}", member.Person);
        }
        intake.AppendLine(CultureInfo.InvariantCulture, $"Disabling condition: {(entry.DisablingCondition == YesNo.Yes ? "yes, a long-term condition that limits work" : "none reported")}");
        intake.AppendLine(CultureInfo.InvariantCulture,
            $"Release of information: signed {D(model.Release!.Start)}, valid until {D(model.Release.End)}.");
        intake.AppendLine(model.Locked
            ? "The client is fleeing violence and asks that the record be visible to this agency only."
            : "The client has no objection to sharing the record with other agencies in the HMIS.");

        var papers = new StringBuilder();
        foreach (var sub in interim.SubAssessments)
        {
            foreach (var source in sub.Entries)
            {
                papers.AppendLine(CultureInfo.InvariantCulture,
                    $"{Words(source.Source)}{(source.MonthlyAmount > 0 ? $": ${source.MonthlyAmount} a month" : "")}, since {D(source.Start)}.");
            }
        }

        var notes = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{D(enrollment.StartDate)}: intake and entry to the project.");
        foreach (var stay in enrollment.Stays)
        {
            notes.AppendLine(stay.CheckIn == stay.CheckOut
                ? $"{D(stay.CheckIn)}: came in for the day."
                : $"{D(stay.CheckIn)}: checked in; checked out {D(stay.CheckOut!.Value)}.");
        }
        foreach (var service in enrollment.Services)
        {
            notes.AppendLine(CultureInfo.InvariantCulture,
                $"{D(service.Date)}: {Words(service.Type)}{(service.Amount > 0 ? $" of ${service.Amount} paid to the landlord" : "")}.");
        }
        notes.AppendLine(scenario.HousingMoveIn
            ? $"{D(interim.Date)}: moved into the apartment; income update."
            : $"{D(interim.Date)}: income update.");
        notes.AppendLine(CultureInfo.InvariantCulture, $"{D(exit.Date)}: left the project ({Words(exit.ReasonForLeaving)}), going to {Words(exit.Destination)}.");

        return (narrative,
        [
            new("Intake form", intake.ToString()),
            new("Income, benefits and insurance papers", papers.ToString()),
            new("Case notes", notes.ToString()),
        ]);
    }

    private static void AppendPerson(StringBuilder text, string heading, PersonProfile person)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{heading}: {person.FullName}, born {D(person.DateOfBirth!.Value)}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Social security number: {(person.Ssn.Length > 0 ? person.Ssn : "does not know it")}")
            .AppendLine(CultureInfo.InvariantCulture, $"  Race and ethnicity: {string.Join(", ", person.Races.Select(Words))}; gender: {string.Join(", ", person.Genders.Select(Words))}");
        if (person.Veteran != YesNo.Unspecified)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  Served in the armed forces: {(person.Veteran == YesNo.Yes ? "yes" : "no")}");
        }
    }

    private static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Words(RelationshipToHead relationship) => relationship switch
    {
        RelationshipToHead.Child => "child",
        RelationshipToHead.SpouseOrPartner => "partner",
        RelationshipToHead.OtherRelative => "relative",
        _ => "household member",
    };

    private static string Words(LivingSituation situation) => situation switch
    {
        LivingSituation.PlaceNotMeantForHabitation => "sleeping outside, in places not meant for people to live",
        LivingSituation.EmergencyShelter => "staying at an emergency shelter",
        LivingSituation.TransitionalHousing => "a transitional housing program",
        LivingSituation.StayingWithFamilyTemporary => "staying on a relative's couch for now",
        LivingSituation.StayingWithFriendsTemporary => "staying with a friend for a few weeks",
        LivingSituation.HotelWithoutVoucher => "paying for a motel room themselves",
        LivingSituation.JailOrPrison => "in jail",
        LivingSituation.RentalNoSubsidy => "their own rented apartment, without a subsidy",
        LivingSituation.RentalWithSubsidy => "a rented apartment with an ongoing subsidy",
        LivingSituation.StayingWithFamilyPermanent => "living with family for good",
        _ => "somewhere not recorded",
    };

    private static string Words(ExitReason reason) => reason switch
    {
        ExitReason.CompletedProgram => "the program is completed",
        ExitReason.LeftForHousing => "a housing opportunity came up",
        _ => "for another reason",
    };

    private static string Words(BenefitSource source) => source switch
    {
        BenefitSource.EarnedIncome => "Pay stubs from a new job",
        BenefitSource.Unemployment => "Unemployment insurance letter",
        BenefitSource.Ssi => "SSI award letter",
        BenefitSource.Ssdi => "SSDI award letter",
        BenefitSource.VaDisabilityCompensation => "VA disability compensation letter",
        BenefitSource.Tanf => "TANF approval notice",
        BenefitSource.ChildSupport => "Child support order",
        BenefitSource.Snap => "SNAP (food stamps) card",
        BenefitSource.Wic => "WIC card",
        BenefitSource.Medicaid => "Medicaid card",
        BenefitSource.Medicare => "Medicare card",
        BenefitSource.VaMedical => "VA health care card",
        BenefitSource.ChildrensHealthInsurance => "All Kids (children's health insurance) card",
        _ => source.ToString(),
    };

    private static string Words(ServiceType type) => type switch
    {
        ServiceType.RrhRentalAssistance => "rapid re-housing rental assistance",
        ServiceType.OutreachContact => "outreach contact",
        ServiceType.CaseManagement => "case management meeting",
        _ => type.ToString(),
    };

    private static string Words(Race race) => race switch
    {
        Race.AmericanIndianAlaskaNativeIndigenous => "American Indian, Alaska Native or Indigenous",
        Race.Asian => "Asian",
        Race.BlackAfricanAmerican => "Black or African American",
        Race.HispanicLatino => "Hispanic or Latino",
        Race.MiddleEasternNorthAfrican => "Middle Eastern or North African",
        Race.NativeHawaiianPacificIslander => "Native Hawaiian or Pacific Islander",
        _ => "White",
    };

    private static string Words(Gender gender) => gender == Gender.Woman ? "woman" : "man";
}
