namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// HUD living situations, for prior and current living situation and exit destination. Stored by these numbers: never renumber a member.
/// </summary>
public enum LivingSituation
{
    Unspecified = 0,
    /// <summary>Place not meant for habitation (street, car, abandoned building).</summary>
    PlaceNotMeantForHabitation = 1,
    /// <summary>Emergency shelter, including a hotel or motel paid for with a shelter voucher.</summary>
    EmergencyShelter = 2,
    /// <summary>Safe Haven.</summary>
    SafeHaven = 3,
    /// <summary>Transitional housing.</summary>
    TransitionalHousing = 4,
    /// <summary>Staying or living in a family member's room, apartment or house (temporary).</summary>
    StayingWithFamilyTemporary = 5,
    /// <summary>Staying or living in a friend's room, apartment or house (temporary).</summary>
    StayingWithFriendsTemporary = 6,
    /// <summary>Hotel or motel paid for without an emergency shelter voucher.</summary>
    HotelWithoutVoucher = 7,
    /// <summary>Hospital or other residential non-psychiatric medical facility.</summary>
    Hospital = 8,
    /// <summary>Jail, prison or juvenile detention.</summary>
    JailOrPrison = 9,
    /// <summary>Rental by client, no ongoing housing subsidy.</summary>
    RentalNoSubsidy = 10,
    /// <summary>Rental by client, with an ongoing housing subsidy.</summary>
    RentalWithSubsidy = 11,
    /// <summary>Staying or living with family, permanent tenure.</summary>
    StayingWithFamilyPermanent = 12,
    /// <summary>Permanent housing for formerly homeless persons (PSH).</summary>
    PermanentSupportiveHousing = 13,
    /// <summary>Deceased.</summary>
    Deceased = 14,
    /// <summary>Client doesn't know.</summary>
    ClientDoesntKnow = 15,
    /// <summary>No exit interview completed.</summary>
    NoExitInterview = 16,
}
