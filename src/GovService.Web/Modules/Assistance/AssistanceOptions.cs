namespace GovService.Web.Modules.Assistance;

/// <summary>The 代办 network's time limits (section <c>Assistance</c>).</summary>
public sealed class AssistanceOptions
{
    /// <summary>Office hours a level's agents have to accept a request before it goes up a level (村 → 乡镇 → 县).</summary>
    public double AcceptWithinWorkingHours { get; set; } = 4;

    /// <summary>Working days from acceptance to the filed case (contact, collect the materials, file).</summary>
    public int FileWithinWorkingDays { get; set; } = 3;

    /// <summary>Open requests an agent may hold; a village whose agents all hold this many sends new ones to the township at once.</summary>
    public int AgentOpenLimit { get; set; } = 20;

    /// <summary>Share of a step's time after which it gets a yellow card (red when it is over).</summary>
    public int YellowPercent { get; set; } = 75;
}
