namespace Bylab.Core.Accounts;

public sealed class BylabUserValidator
{
    public const string DisplayNameInvalid = "DisplayNameInvalid";
}
