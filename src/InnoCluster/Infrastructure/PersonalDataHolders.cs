namespace InnoCluster.Infrastructure;

/// <summary>
/// A feature that keeps personal data of people with accounts beyond the account itself (a request's contact
/// person, a name in a history). Erasing a person's data (PIPL art. 47) asks every holder to erase theirs.
/// </summary>
public interface IPersonalDataHolder
{
    /// <summary>Erases what the feature holds of the person as tracked changes the caller saves; returns how many records changed.</summary>
    Task<int> EraseAsync(string userId, string email, CancellationToken cancellationToken);
}
