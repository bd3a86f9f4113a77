namespace HmisPlatform.Requests.Domain.Agencies;

/// <summary>
/// The roll-out of the ATA training requirement (configuration section <c>AtaTraining</c>; defaults from the
/// 2025-26 calendar): the deadline, the transition period in which overdue ATAs may still submit with a warning,
/// and the implementation date from which they may not.
/// </summary>
public sealed class AtaTrainingCalendar
{
    public DateOnly Deadline { get; set; } = new(2026, 1, 5);

    public DateOnly TransitionStarts { get; set; } = new(2026, 1, 9);

    public DateOnly Implementation { get; set; } = new(2026, 1, 26);

    /// <summary>Days an ATA named after the deadline has to complete the training.</summary>
    public int NewAtaGraceDays { get; set; } = 30;

    /// <summary>How many days before an untrained ATA's deadline they (and the HMIS team) are reminded of it.</summary>
    public int ReminderDaysBefore { get; set; } = 14;

    /// <summary>The LMS course that meets the requirement, named in every notice.</summary>
    public string Course { get; set; } = "HMIS Access Process";

    public DateOnly DeadlineFor(DateOnly appointedOn)
    {
        var grace = appointedOn.AddDays(NewAtaGraceDays);
        return grace > Deadline ? grace : Deadline;
    }

    public bool InForce(DateOnly today) => today >= Implementation;
}
