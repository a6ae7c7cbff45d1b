namespace Ravine.Orleans;

/// <summary>
/// The cluster's membership store (Redis) does not answer: at start nothing can join, and in the middle of a run a
/// silo that dies could no longer be declared dead and its shards moved, so a run stops rather than go on unprotected.
/// </summary>
public sealed class MembershipUnavailableException : Exception
{
    /// <summary>Redis at <paramref name="membership"/> failed to answer; <paramref name="reason"/> says how.</summary>
    public MembershipUnavailableException(RedisMembership membership, string reason, Exception? inner = null)
        : base($"the cluster's membership store Redis at {membership} does not answer: {reason}", inner)
    {
        Membership = membership ?? throw new ArgumentNullException(nameof(membership));
    }

    /// <summary>The Redis server that failed to answer.</summary>
    public RedisMembership Membership { get; }
}
