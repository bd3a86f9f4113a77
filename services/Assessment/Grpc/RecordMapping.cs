using System.Globalization;
using Google.Protobuf.Collections;
using Hmis.Assessment.V1;
using Hmis.Common.V1;
using HmisPlatform.Assessment.Contracts;
using HmisPlatform.Assessment.Domain.Records;
using HmisPlatform.BuildingBlocks.Contracts;
using HmisPlatform.BuildingBlocks.Domain;
using BenefitSource = HmisPlatform.Assessment.Domain.Records.BenefitSource;
using Model = HmisPlatform.Assessment.Domain.Records;
using SubAssessmentKind = HmisPlatform.Assessment.Domain.Records.SubAssessmentKind;

namespace HmisPlatform.Assessment.Grpc;

/// <summary>
/// The sample client record between the contract and the domain. Reading checks the record's shape first (dates,
/// enum values, sizes, sources of the right sub-assessment) and refuses it with every violation at once, before it is
/// graded or counted as an attempt.
/// </summary>
internal static class RecordMapping
{
    private const string Reason = RecordLimits.InvalidRecordReason;

    public static ClientRecord ToDomain(this SampleClientRecord? record)
    {
        var reader = new Reader();
        var parsed = reader.Record(record ?? new SampleClientRecord());
        return reader.Violations.Count == 0
            ? parsed
            : throw DomainException.Invalid(Reason, "The record is incomplete or malformed.", [.. reader.Violations]);
    }

    public static SampleClientRecord ToMessage(this ClientRecord record) => new()
    {
        Client = record.Client.ToMessage(),
        ClientRelationship = record.ClientRelationship.ToContract(),
        HouseholdMembers = { record.Members.Select(m => new Hmis.Assessment.V1.HouseholdMember { Profile = m.Person.ToMessage(), Relationship = m.Relationship.ToContract() }) },
        ReleaseOfInformation = record.Release is { } release
            ? new Hmis.Assessment.V1.ReleaseOfInformation { StartDate = Text(release.Start), EndDate = Text(release.End) }
            : null,
        RecordLocked = record.Locked,
        Enrollment = new Hmis.Assessment.V1.Enrollment
        {
            ProjectType = record.Enrollment.ProjectType.ToContract(),
            Provider = record.Enrollment.Provider,
            ProjectStartDate = Text(record.Enrollment.StartDate),
            ExitDate = Text(record.Enrollment.ExitDate),
            Assessments = { record.Enrollment.Assessments.Select(a => new AssessmentRecord
            {
                Stage = a.Stage.ToContract(),
                AssessmentDate = Text(a.Date),
                DisablingCondition = a.DisablingCondition.ToContract(),
                PriorLivingSituation = a.PriorLivingSituation.ToContract(),
                CurrentLivingSituation = a.CurrentLivingSituation.ToContract(),
                HousingMoveInDate = Text(a.MoveInDate),
                ReasonForLeaving = a.ReasonForLeaving.ToContract(),
                Destination = a.Destination.ToContract(),
                SubAssessments = { a.SubAssessments.Select(s => new SubAssessment
                {
                    Kind = s.Kind.ToContract(),
                    HudVerified = s.Verified,
                    Entries = { s.Entries.Select(e => new Hmis.Assessment.V1.SourceEntry
                    {
                        Source = e.Source.ToContract(), MonthlyAmount = e.MonthlyAmount, StartDate = Text(e.Start), EndDate = Text(e.End),
                    }) },
                }) },
            }) },
            Stays = { record.Enrollment.Stays.Select(s => new Hmis.Assessment.V1.Stay { CheckInDate = Text(s.CheckIn), CheckOutDate = Text(s.CheckOut) }) },
            Services = { record.Enrollment.Services.Select(s => new Hmis.Assessment.V1.ServiceTransaction { Type = s.Type.ToContract(), Date = Text(s.Date), Amount = s.Amount }) },
        },
    };

    private static ClientProfile ToMessage(this PersonProfile person) => new()
    {
        FirstName = person.FirstName,
        LastName = person.LastName,
        NameDataQuality = person.NameQuality.ToContract(),
        DateOfBirth = Text(person.DateOfBirth),
        Ssn = person.Ssn,
        SsnDataQuality = person.SsnQuality.ToContract(),
        Race = { person.Races.Order().ToContract() },
        Gender = { person.Genders.Order().ToContract() },
        VeteranStatus = person.Veteran.ToContract(),
    };

    private static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private sealed class Reader
    {
        public List<FieldViolation> Violations { get; } = [];

        public ClientRecord Record(SampleClientRecord r)
        {
            Count(r.HouseholdMembers.Count, RecordLimits.MaxMembers, "record.household_members");
            var enrollment = r.Enrollment ?? new Hmis.Assessment.V1.Enrollment();
            return new ClientRecord(
                Person(r.Client ?? new ClientProfile(), "record.client", requireDateOfBirth: true),
                Defined(r.ClientRelationship, "record.client_relationship", required: true).ToDomain(),
                [.. r.HouseholdMembers.Take(RecordLimits.MaxMembers).Select((m, i) => new Model.HouseholdMember(
                    Person(m.Profile ?? new ClientProfile(), $"record.household_members[{i}].profile", requireDateOfBirth: true),
                    Defined(m.Relationship, $"record.household_members[{i}].relationship", required: true).ToDomain()))],
                r.ReleaseOfInformation is { } roi ? Release(roi) : null,
                r.RecordLocked,
                Enrollment(enrollment, "record.enrollment"));
        }

        private Model.ReleaseOfInformation? Release(Hmis.Assessment.V1.ReleaseOfInformation roi)
        {
            var start = Date(roi.StartDate, "record.release_of_information.start_date", required: true);
            var end = Date(roi.EndDate, "record.release_of_information.end_date", required: true);
            Ordered(start, end, "record.release_of_information.end_date");
            return start is { } s && end is { } e ? new Model.ReleaseOfInformation(s, e) : null;
        }

        private PersonProfile Person(ClientProfile p, string path, bool requireDateOfBirth)
        {
            Name(p.FirstName, $"{path}.first_name");
            Name(p.LastName, $"{path}.last_name");
            var ssn = p.Ssn.Trim();
            if (ssn.Length > 0 && (ssn.Length != 9 || !ssn.All(char.IsAsciiDigit)))
            {
                Add($"{path}.ssn", "nine digits, or empty when not collected");
            }
            return new PersonProfile(
                p.FirstName.Trim(), p.LastName.Trim(),
                Defined(p.NameDataQuality, $"{path}.name_data_quality").ToDomain(),
                Date(p.DateOfBirth, $"{path}.date_of_birth", requireDateOfBirth),
                ssn,
                Defined(p.SsnDataQuality, $"{path}.ssn_data_quality").ToDomain(),
                Set(p.Race, $"{path}.race").ToDomain(),
                Set(p.Gender, $"{path}.gender").ToDomain(),
                Defined(p.VeteranStatus, $"{path}.veteran_status").ToDomain());
        }

        private Model.Enrollment Enrollment(Hmis.Assessment.V1.Enrollment e, string path)
        {
            Count(e.Assessments.Count, RecordLimits.MaxAssessments, $"{path}.assessments");
            Count(e.Stays.Count, RecordLimits.MaxStays, $"{path}.stays");
            Count(e.Services.Count, RecordLimits.MaxServices, $"{path}.services");
            if (e.Provider.Length > RecordLimits.MaxText)
            {
                Add($"{path}.provider", $"at most {RecordLimits.MaxText} characters");
            }
            var start = Date(e.ProjectStartDate, $"{path}.project_start_date", required: true);
            var exit = Date(e.ExitDate, $"{path}.exit_date", required: false);
            Ordered(start, exit, $"{path}.exit_date");
            return new Model.Enrollment(
                Defined(e.ProjectType, $"{path}.project_type", required: true).ToDomain(),
                e.Provider.Trim(),
                start ?? default,
                [.. e.Assessments.Take(RecordLimits.MaxAssessments).Select((a, i) => Assessment(a, $"{path}.assessments[{i}]"))],
                exit,
                [.. e.Stays.Take(RecordLimits.MaxStays).Select((s, i) =>
                {
                    var checkIn = Date(s.CheckInDate, $"{path}.stays[{i}].check_in_date", required: true);
                    var checkOut = Date(s.CheckOutDate, $"{path}.stays[{i}].check_out_date", required: false);
                    Ordered(checkIn, checkOut, $"{path}.stays[{i}].check_out_date");
                    return new Model.Stay(checkIn ?? default, checkOut);
                })],
                [.. e.Services.Take(RecordLimits.MaxServices).Select((s, i) => new Model.ServiceTransaction(
                    Defined(s.Type, $"{path}.services[{i}].type", required: true).ToDomain(),
                    Date(s.Date, $"{path}.services[{i}].date", required: true) ?? default,
                    NonNegative(s.Amount, $"{path}.services[{i}].amount")))]);
        }

        private AssessmentEntry Assessment(AssessmentRecord a, string path)
        {
            Count(a.SubAssessments.Count, Sources.VerifiedKinds.Length, $"{path}.sub_assessments");
            var subAssessments = a.SubAssessments.Take(Sources.VerifiedKinds.Length).Select((s, i) => SubAssessment(s, $"{path}.sub_assessments[{i}]")).ToList();
            if (subAssessments.GroupBy(s => s.Kind).Any(g => g.Count() > 1))
            {
                Add($"{path}.sub_assessments", "one of each kind");
            }
            return new AssessmentEntry(
                Defined(a.Stage, $"{path}.stage", required: true).ToDomain(),
                Date(a.AssessmentDate, $"{path}.assessment_date", required: true) ?? default,
                Defined(a.DisablingCondition, $"{path}.disabling_condition").ToDomain(),
                Defined(a.PriorLivingSituation, $"{path}.prior_living_situation").ToDomain(),
                Defined(a.CurrentLivingSituation, $"{path}.current_living_situation").ToDomain(),
                subAssessments,
                Date(a.HousingMoveInDate, $"{path}.housing_move_in_date", required: false),
                Defined(a.ReasonForLeaving, $"{path}.reason_for_leaving").ToDomain(),
                Defined(a.Destination, $"{path}.destination").ToDomain());
        }

        private SubAssessmentEntry SubAssessment(SubAssessment s, string path)
        {
            var kind = Defined(s.Kind, $"{path}.kind", required: true).ToDomain();
            Count(s.Entries.Count, RecordLimits.MaxEntries, $"{path}.entries");
            return new SubAssessmentEntry(kind, s.HudVerified, [.. s.Entries.Take(RecordLimits.MaxEntries).Select((e, i) =>
            {
                var source = Defined(e.Source, $"{path}.entries[{i}].source", required: true).ToDomain();
                if (source != BenefitSource.Unspecified && kind != SubAssessmentKind.Unspecified && Sources.KindOf(source) != kind)
                {
                    Add($"{path}.entries[{i}].source", $"a source of {kind}");
                }
                var start = Date(e.StartDate, $"{path}.entries[{i}].start_date", required: true);
                var end = Date(e.EndDate, $"{path}.entries[{i}].end_date", required: false);
                Ordered(start, end, $"{path}.entries[{i}].end_date");
                return new Model.SourceEntry(source, NonNegative(e.MonthlyAmount, $"{path}.entries[{i}].monthly_amount"), start ?? default, end);
            })]);
        }

        private void Name(string value, string path)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > RecordLimits.MaxText)
            {
                Add(path, $"1 to {RecordLimits.MaxText} characters");
            }
        }

        private DateOnly? Date(string value, string path, bool required)
        {
            if (value.Length == 0 && !required)
            {
                return null;
            }
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            Add(path, "a date as YYYY-MM-DD");
            return null;
        }

        private void Ordered(DateOnly? start, DateOnly? end, string path)
        {
            if (start is { } s && end is { } e && e < s)
            {
                Add(path, "not before the start");
            }
        }

        private T Defined<T>(T value, string path, bool required = false) where T : struct, Enum
        {
            if (!Enum.IsDefined(value) || (required && Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0))
            {
                Add(path, required ? "required, one of the listed values" : "one of the listed values");
            }
            return value;
        }

        private HashSet<T> Set<T>(RepeatedField<T> values, string path) where T : struct, Enum
        {
            foreach (var value in values)
            {
                Defined(value, path, required: true);
            }
            return [.. values];
        }

        private int NonNegative(int value, string path)
        {
            if (value < 0)
            {
                Add(path, "0 or more");
            }
            return value;
        }

        private void Count(int count, int max, string path)
        {
            if (count > max)
            {
                Add(path, $"at most {max}");
            }
        }

        private void Add(string path, string description) => Violations.Add(new FieldViolation(path, description, Reason));
    }
}
