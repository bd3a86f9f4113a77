namespace HmisPlatform.Assessment.Domain.Records;

/// <summary>
/// Sources of income, non-cash benefits and health insurance. Stored by these numbers: never renumber a member.
/// </summary>
public enum BenefitSource
{
    Unspecified = 0,
    /// <summary>Income: earned income (employment).</summary>
    EarnedIncome = 1,
    /// <summary>Income: unemployment insurance.</summary>
    Unemployment = 2,
    /// <summary>Income: Supplemental Security Income.</summary>
    Ssi = 3,
    /// <summary>Income: Social Security Disability Insurance.</summary>
    Ssdi = 4,
    /// <summary>Income: VA service-connected disability compensation.</summary>
    VaDisabilityCompensation = 5,
    /// <summary>Income: TANF.</summary>
    Tanf = 6,
    /// <summary>Income: child support.</summary>
    ChildSupport = 7,
    /// <summary>Non-cash: SNAP.</summary>
    Snap = 20,
    /// <summary>Non-cash: WIC.</summary>
    Wic = 21,
    /// <summary>Non-cash: other TANF-funded services.</summary>
    TanfServices = 22,
    /// <summary>Health insurance: Medicaid.</summary>
    Medicaid = 40,
    /// <summary>Health insurance: Medicare.</summary>
    Medicare = 41,
    /// <summary>Health insurance: VA medical services.</summary>
    VaMedical = 42,
    /// <summary>Health insurance: employer-provided.</summary>
    EmployerInsurance = 43,
    /// <summary>Health insurance: State Children's Health Insurance.</summary>
    ChildrensHealthInsurance = 44,
}
