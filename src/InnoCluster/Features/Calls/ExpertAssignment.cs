namespace InnoCluster.Features.Calls;

/// <summary>
/// Assigns N experts to each application: never one who must step aside (<see cref="Recusal"/>); among those
/// below an even share of the work (all assignments over all experts, rounded up), the best field fit first
/// (chain nodes shared with the firm), then the lightest load; past the even share only the lightest load. The
/// applications with the fewest possible experts are served first, so the scarce experts go where they are
/// needed; one that cannot get N is reported with how many it got.
/// </summary>
public static class ExpertAssignment
{
    public sealed record Candidate(Recusal.Applicant Applicant, int ApplicationId, IReadOnlySet<int> ChainNodeIds);

    public sealed record Pick(int ApplicationId, int ExpertId, int Fit);

    public sealed record Recused(int ApplicationId, int ExpertId, string Reason);

    public sealed record Outcome(IReadOnlyList<Pick> Picks, IReadOnlyList<Recused> Recusals, IReadOnlyDictionary<int, int> ShortOf);

    /// <param name="already">Experts already reviewing each application (kept; they count towards N and the load).</param>
    /// <param name="steppedAside">Experts who stepped aside from an application (never assigned to it again).</param>
    public static Outcome Assign(IReadOnlyList<Candidate> applications, IReadOnlyList<Expert> experts, int perApplication, int? callYear, ILookup<int, int> already, ILookup<int, int> steppedAside)
    {
        var load = experts.ToDictionary(e => e.Id, e => 0);
        foreach (var group in already)
        {
            foreach (var expert in group.Where(load.ContainsKey))
            {
                load[expert]++;
            }
        }

        var recusals = new List<Recused>();
        var prepared = experts.Select(Recusal.Prepare).ToList();
        var options = new List<(Candidate Application, List<(Expert Expert, int Fit)> Free)>(applications.Count);
        foreach (var application in applications)
        {
            var free = new List<(Expert, int)>();
            var applicant = Recusal.Prepare(application.Applicant);
            foreach (var expertPrepared in prepared)
            {
                var expert = expertPrepared.Expert;
                if (already[application.ApplicationId].Contains(expert.Id) || steppedAside[application.ApplicationId].Contains(expert.Id))
                {
                    continue;
                }

                if (Recusal.Why(expertPrepared, applicant, callYear) is { } reason)
                {
                    recusals.Add(new(application.ApplicationId, expert.Id, reason));
                    continue;
                }

                free.Add((expert, expert.ChainNodeIds.Count(application.ChainNodeIds.Contains)));
            }

            options.Add((application, free));
        }

        var share = experts.Count == 0 ? 0 : (int)Math.Ceiling((load.Values.Sum() + (double)applications.Count * perApplication) / experts.Count);
        var picks = new List<Pick>();
        var shortOf = new Dictionary<int, int>();
        foreach (var (application, free) in options.OrderBy(o => o.Free.Count).ThenBy(o => o.Application.ApplicationId))
        {
            var wanted = perApplication - already[application.ApplicationId].Count();
            var chosen = free.OrderBy(f => load[f.Expert.Id] < share ? 0 : 1).ThenByDescending(f => load[f.Expert.Id] < share ? f.Fit : 0).ThenBy(f => load[f.Expert.Id]).ThenBy(f => f.Expert.Id).Take(Math.Max(0, wanted)).ToList();
            foreach (var (expert, fit) in chosen)
            {
                load[expert.Id]++;
                picks.Add(new(application.ApplicationId, expert.Id, fit));
            }

            if (chosen.Count < wanted)
            {
                shortOf[application.ApplicationId] = already[application.ApplicationId].Count() + chosen.Count;
            }
        }

        return new Outcome(picks, recusals, shortOf);
    }
}
