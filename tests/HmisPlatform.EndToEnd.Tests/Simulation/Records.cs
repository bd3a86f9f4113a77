using Hmis.Assessment.V1;
using Hmis.Common.V1;

namespace HmisPlatform.EndToEnd.Tests.Simulation;

/// <summary>What a trainee enters: the model answer, or the model with the mistakes each grade calls for.</summary>
internal static class Records
{
    /// <summary>One major error: corrections needed.</summary>
    public static SampleClientRecord WrongBirthDate(SampleClientRecord model)
    {
        var record = model.Clone();
        record.Client.DateOfBirth = "1900-01-01";
        return record;
    }

    /// <summary>One critical error, the wrong project: a walk-through.</summary>
    public static SampleClientRecord WrongProject(SampleClientRecord model)
    {
        var record = model.Clone();
        record.Enrollment.ProjectType = record.Enrollment.ProjectType == ProjectType.ServicesOnly ? ProjectType.Ssvf : ProjectType.ServicesOnly;
        return record;
    }

    /// <summary>Two critical errors, the wrong project and no entry assessment: the training again.</summary>
    public static SampleClientRecord WrongProjectWithoutEntry(SampleClientRecord model)
    {
        var record = WrongProject(model);
        var entry = record.Enrollment.Assessments.Where(a => a.Stage == AssessmentStage.Entry).ToList();
        entry.ForEach(a => record.Enrollment.Assessments.Remove(a));
        return record;
    }
}

/// <summary>Names for the simulated people (with a number, so each is someone else).</summary>
internal static class Names
{
    public static readonly string[] Given = ["Ada", "Bo", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lia", "Mo", "Nia", "Oz", "Pia"];

    public static readonly string[] Family = ["Reyes", "Okafor", "Lindqvist", "Haddad", "Novak", "Tanaka", "Ortiz", "Brandt"];
}
