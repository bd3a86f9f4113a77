using HmisPlatform.BuildingBlocks.Domain;

namespace HmisPlatform.Credentialing.Domain.Credits;

/// <summary>
/// One agency's license credits: what is free, reserved, consumed and bought. Every change goes through here and
/// writes its ledger line; the row is locked while it changes, so the balance never goes below zero, also when
/// many reservations race for the last credit (the database checks it as well).
/// </summary>
public sealed class AgencyCredits
{
    public const string ExhaustedReason = "LICENSE_CREDITS_EXHAUSTED";
    public const string InvalidCreditsReason = "INVALID_CREDITS";
    public const string NoteTooLongReason = "NOTE_TOO_LONG";
    public const string ReservationNotHeldReason = "RESERVATION_NOT_HELD";
    public const string ReservationOfAnotherAgencyReason = "RESERVATION_OF_ANOTHER_AGENCY";
    public const int MaxPurchase = 10_000;
    public const int MaxNoteLength = 200;

    public Guid AgencyId { get; private set; }

    public int Available { get; private set; }

    public int Reserved { get; private set; }

    public int Consumed { get; private set; }

    public int Purchased { get; private set; }

    public const string OpeningBalanceUsedReason = "OPENING_BALANCE_BELOW_USE";

    /// <summary>The balance the go-live import stated; null for an agency that came after go-live.</summary>
    public int? OpeningBalance { get; private set; }

    public AgencyCredits(Guid agencyId) => AgencyId = agencyId;

    /// <summary>
    /// The balance at go-live, as imported (agencies.csv): the first import opens the ledger with it, a corrected one
    /// adds the difference, so credits used since go-live stay used. Returns the ledger line, or null when the stated
    /// balance is the one recorded (nothing changes) or opens at zero.
    /// </summary>
    public (bool Changed, CreditLedgerEntry? Entry) ImportOpeningBalance(int credits, string by, DateTimeOffset now)
    {
        if (credits is < 0 or > MaxPurchase)
        {
            throw DomainException.Invalid(InvalidCreditsReason, $"An opening balance is 0 to {MaxPurchase} credits.",
                new FieldViolation("license_credits", $"0 to {MaxPurchase}", InvalidCreditsReason));
        }
        if (OpeningBalance == credits)
        {
            return (false, null);
        }
        var difference = credits - (OpeningBalance ?? 0);
        if (Available + difference < 0)
        {
            throw DomainException.Invalid(OpeningBalanceUsedReason, "The agency has used more credits since go-live than this balance leaves.",
                new FieldViolation("license_credits", "lower than the credits used since go-live allow", OpeningBalanceUsedReason));
        }
        OpeningBalance = credits;
        Available += difference;
        return (true, difference == 0 ? null
            : CreditLedgerEntry.Record(AgencyId, CreditEntryKind.OpeningBalance, difference, null, null, null, by, "opening balance at go-live", Available, now));
    }

    private AgencyCredits()
    {
    }

    public CreditLedgerEntry Purchase(int credits, string note, string by, DateTimeOffset now)
    {
        if (credits is < 1 or > MaxPurchase)
        {
            throw DomainException.Invalid(InvalidCreditsReason, $"A purchase is 1 to {MaxPurchase} credits.",
                new FieldViolation("credits", $"1 to {MaxPurchase}", InvalidCreditsReason));
        }
        Available += credits;
        Purchased += credits;
        return CreditLedgerEntry.Record(AgencyId, CreditEntryKind.Purchase, credits, null, null, null, by, Note(note, "note"), Available, now);
    }

    /// <summary>Reserves one credit for the person's account at review; the same person and request keep their first reservation.</summary>
    public (CreditReservation Reservation, CreditLedgerEntry Entry) Reserve(Guid accessRequestId, Guid personId, string by, DateTimeOffset now)
    {
        EnsureAvailable();
        Available--;
        Reserved++;
        var reservation = new CreditReservation(AgencyId, accessRequestId, personId, now);
        return (reservation, CreditLedgerEntry.Record(AgencyId, CreditEntryKind.Reservation, 1, accessRequestId, personId, null, by, null, Available, now));
    }

    /// <summary>
    /// Reserves one credit for each person of a request at once: all or none, so a bundle never holds half its
    /// credits. People who already hold one on the request (<paramref name="alreadyReserved"/>) keep it.
    /// </summary>
    public IReadOnlyList<(CreditReservation Reservation, CreditLedgerEntry Entry)> ReserveAll(
        Guid accessRequestId, IReadOnlyCollection<Guid> personIds, IReadOnlySet<Guid> alreadyReserved, string by, DateTimeOffset now)
    {
        var needed = personIds.Where(p => !alreadyReserved.Contains(p)).Distinct().ToList();
        if (needed.Count > Available)
        {
            throw DomainException.Exhausted(ExhaustedReason, $"The request needs {needed.Count} license credits and the agency has {Available}; the HMIS team records purchases.",
                new QuotaViolation($"agencies/{AgencyId}", $"license credits available: {Available}, needed: {needed.Count}"));
        }
        return [.. needed.Select(person => Reserve(accessRequestId, person, by, now))];
    }

    public CreditLedgerEntry Release(CreditReservation reservation, string reason, string by, DateTimeOffset now)
    {
        var note = Note(reason, "reason");
        Own(reservation).Settle(ReservationStatus.Released, now);
        Reserved--;
        Available++;
        return CreditLedgerEntry.Record(AgencyId, CreditEntryKind.Release, 1, reservation.AccessRequestId, reservation.PersonId, null, by, note, Available, now);
    }

    /// <summary>
    /// An issued account consumes its reservation, or a free credit when none was reserved; with neither, the
    /// account cannot be issued.
    /// </summary>
    public CreditLedgerEntry Consume(CreditReservation? reservation, Guid accessRequestId, Guid personId, Guid accountId, string by, DateTimeOffset now)
    {
        if (reservation is { Status: ReservationStatus.Held })
        {
            Own(reservation).Settle(ReservationStatus.Consumed, now);
            Reserved--;
        }
        else
        {
            EnsureAvailable();
            Available--;
        }
        Consumed++;
        return CreditLedgerEntry.Record(AgencyId, CreditEntryKind.Consumption, 1, accessRequestId, personId, accountId, by, null, Available, now);
    }

    private CreditReservation Own(CreditReservation reservation)
    {
        if (reservation.AgencyId != AgencyId)
        {
            throw DomainException.Precondition(ReservationOfAnotherAgencyReason, "That reservation belongs to another agency.");
        }
        if (reservation.Status != ReservationStatus.Held)
        {
            throw DomainException.Precondition(ReservationNotHeldReason, "That reservation is not held any more.",
                new PreconditionViolation("RESERVATION", $"access-requests/{reservation.AccessRequestId}/people/{reservation.PersonId}", $"status is {reservation.Status}"));
        }
        return reservation;
    }

    private void EnsureAvailable()
    {
        if (Available <= 0)
        {
            throw DomainException.Exhausted(ExhaustedReason, "The agency has no license credit left; the HMIS team records purchases.",
                new QuotaViolation($"agencies/{AgencyId}", "license credits available"));
        }
    }

    private static string? Note(string text, string field)
    {
        var trimmed = text.Trim();
        return trimmed.Length > MaxNoteLength
            ? throw DomainException.Invalid(NoteTooLongReason, $"At most {MaxNoteLength} characters.", new FieldViolation(field, $"at most {MaxNoteLength} characters", NoteTooLongReason))
            : trimmed.Length == 0 ? null : trimmed;
    }
}
