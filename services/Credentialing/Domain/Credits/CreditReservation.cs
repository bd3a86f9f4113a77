
namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>One credit reserved at review for one person's account on one request: held, then consumed or released.</summary>
public sealed class CreditReservation
{
    public Guid AgencyId { get; private set; }

    public Guid AccessRequestId { get; private set; }

    public Guid PersonId { get; private set; }

    public ReservationStatus Status { get; private set; }

    public DateTimeOffset ReservedAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public CreditReservation(Guid agencyId, Guid accessRequestId, Guid personId, DateTimeOffset now)
    {
        AgencyId = agencyId;
        AccessRequestId = accessRequestId;
        PersonId = personId;
        Status = ReservationStatus.Held;
        ReservedAt = now;
    }

    private CreditReservation()
    {
    }

    internal void Settle(ReservationStatus status, DateTimeOffset now)
    {
        Status = status;
        SettledAt = now;
    }
}
