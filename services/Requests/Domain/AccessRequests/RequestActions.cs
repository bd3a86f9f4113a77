namespace HmisPlatform.Requests.Domain.AccessRequests;

/// <summary>What was done to a request, as the audit table and the events name it.</summary>
public static class RequestActions
{
    public const string Submitted = "SUBMITTED";
    public const string InformationProvided = "INFORMATION_PROVIDED";
    public const string CeApprove = "CE_APPROVE";
    public const string CeDeny = "CE_DENY";
    public const string Withdraw = "WITHDRAW";
    public const string Completed = "COMPLETED";
    public const string Expire = "EXPIRE";
    public const string PersonLapsed = "PERSON_LAPSED";
    public const string NewHireValidated = "NEW_HIRE_VALIDATED";
}
