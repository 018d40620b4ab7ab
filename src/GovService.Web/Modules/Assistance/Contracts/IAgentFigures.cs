namespace GovService.Web.Modules.Assistance.Contracts;

/// <summary>
/// One line of the 代办 figures: a level of the network (<see cref="AgentName"/> empty) or one agent. Requests made in the
/// period; of those done, how many on time (按时办结率), the visits they saved the citizens, and the 回访 made and
/// satisfied; open ones and their open red cards.
/// </summary>
public sealed record AgentFigureLine(
    string Level,
    string AgentName,
    int Requests,
    int Done,
    int OnTime,
    int VisitsSaved,
    int FollowUps,
    int Satisfied,
    int Open,
    int RedCards)
{
    public double OnTimeRate => Done == 0 ? 0 : Math.Round(100.0 * OnTime / Done, 1);

    public double SatisfiedRate => FollowUps == 0 ? 0 : Math.Round(100.0 * Satisfied / FollowUps, 1);
}

/// <summary>The 代办 network's figures over a supervisor's region, per level and per agent.</summary>
public sealed record AgentFigureSet(IReadOnlyList<AgentFigureLine> Levels, IReadOnlyList<AgentFigureLine> Agents);

/// <summary>For the supervisors' dashboard and its CSV (Supervision's section 代办).</summary>
public interface IAgentFigures
{
    /// <summary>Requests for citizens of <paramref name="regionId"/> (a county supervisor's: also companies'), made from <paramref name="from"/> to <paramref name="to"/> (Asia/Shanghai days).</summary>
    Task<AgentFigureSet> FiguresAsync(Guid regionId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
