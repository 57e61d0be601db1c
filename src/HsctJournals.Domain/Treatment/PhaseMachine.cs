namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The aHSCT pathway as a state machine (domain/hsct.md §1): which phase may follow which, and
/// why a proposed step is refused.
/// </summary>
/// <remarks>
/// Interpretation decisions:
/// <list type="bullet">
/// <item>Declined/withdrawn may follow any phase before conditioning (§1 names evaluation and
/// "after harvest"); once conditioning has started the course goes on to Day 0.</item>
/// <item>Poor mobilisation may follow mobilisation, re-mobilisation or an apheresis session,
/// because the usual cut-off is the harvest yield (§4).</item>
/// <item>Storage may be followed by another apheresis session (the first product is often frozen
/// before the next session).</item>
/// <item>Readmission may follow discharge or early recovery; discharge follows readmission.</item>
/// <item>Graft failure ends this course (only death may follow); a rescue infusion or a second
/// transplant is recorded as a new course with its own Day 0, as §1 says for a second HSCT.</item>
/// <item>Death may follow any phase except death.</item>
/// <item>A phase may start on the same date as the current one, never before it.</item>
/// </list>
/// </remarks>
public static class PhaseMachine
{
    /// <summary>The phase a course starts in.</summary>
    public const Phase First = Phase.Evaluation;

    // Phases that happen before the cells go back, so they cannot start after Day 0 (domain/hsct.md §1, §2).
    private static readonly Phase[] BeforeDayZero =
    [
        Phase.Evaluation, Phase.Mobilisation, Phase.PoorMobilisation, Phase.Remobilisation,
        Phase.Apheresis, Phase.Storage, Phase.Conditioning,
    ];

    // domain/hsct.md §1: the main sequence. Storage is optional (fresh grafts skip it).
    private static readonly Phase[] MainSequence =
    [
        Phase.Evaluation, Phase.Mobilisation, Phase.Apheresis, Phase.Storage, Phase.Conditioning,
        Phase.Reinfusion, Phase.Aplasia, Phase.Engraftment, Phase.Discharge, Phase.EarlyRecovery,
        Phase.LongTermFollowUp,
    ];

    // domain/hsct.md §1: "Transitions a program must allow". Death is added for every phase below.
    private static readonly Dictionary<Phase, Phase[]> Successors = new()
    {
        [Phase.Evaluation] = [Phase.Mobilisation, Phase.DeclinedOrWithdrawn],
        [Phase.Mobilisation] = [Phase.Apheresis, Phase.PoorMobilisation, Phase.DeclinedOrWithdrawn],
        [Phase.PoorMobilisation] = [Phase.Remobilisation, Phase.DeclinedOrWithdrawn],
        [Phase.Remobilisation] = [Phase.Apheresis, Phase.PoorMobilisation, Phase.DeclinedOrWithdrawn],
        // §1: apheresis repeats (up to 4 sessions seen); storage is skipped with fresh grafts.
        [Phase.Apheresis] = [Phase.Apheresis, Phase.Storage, Phase.Conditioning, Phase.PoorMobilisation, Phase.DeclinedOrWithdrawn],
        // A further session after the first product was frozen is common, so storage may go back to apheresis.
        [Phase.Storage] = [Phase.Conditioning, Phase.Apheresis, Phase.DeclinedOrWithdrawn],
        [Phase.Conditioning] = [Phase.Reinfusion],
        [Phase.Reinfusion] = [Phase.Aplasia],
        // §1: graft failure if no ANC ≥0.5 by Day +30 (PBSC).
        [Phase.Aplasia] = [Phase.Engraftment, Phase.GraftFailure],
        [Phase.Engraftment] = [Phase.Discharge],
        // §1: discharge → readmitted → discharge, repeatable.
        [Phase.Discharge] = [Phase.Readmission, Phase.EarlyRecovery],
        [Phase.Readmission] = [Phase.Discharge],
        [Phase.EarlyRecovery] = [Phase.LongTermFollowUp, Phase.Readmission],
        [Phase.LongTermFollowUp] = [],
        [Phase.DeclinedOrWithdrawn] = [],
        [Phase.GraftFailure] = [],
        [Phase.Death] = [],
    };

    // Side phases sit beside a main-sequence phase, and must be left through a specific phase.
    private static readonly Dictionary<Phase, (Phase Beside, Phase Exit)> SidePhases = new()
    {
        [Phase.PoorMobilisation] = (Phase.Mobilisation, Phase.Remobilisation),
        [Phase.Remobilisation] = (Phase.Mobilisation, Phase.Apheresis),
        [Phase.Readmission] = (Phase.Discharge, Phase.Discharge),
    };

    /// <summary>The phases that may follow <paramref name="current"/>, death last.</summary>
    public static IReadOnlyList<Phase> AllowedNext(Phase current)
    {
        if (!Successors.TryGetValue(current, out var next))
        {
            return [];
        }

        // domain/hsct.md §1: any state → death.
        return current == Phase.Death ? [] : [.. next, Phase.Death];
    }

    /// <summary>True for phases after which nothing but death can follow in this course.</summary>
    public static bool IsTerminal(Phase phase) =>
        phase is Phase.DeclinedOrWithdrawn or Phase.GraftFailure or Phase.Death;

    /// <summary>
    /// Checks whether <paramref name="proposed"/> may start on <paramref name="proposedStart"/>
    /// when the course is in <paramref name="current"/>, which started on <paramref name="currentStarted"/>.
    /// </summary>
    public static PhaseTransition Check(Phase current, DateOnly currentStarted, Phase proposed, DateOnly proposedStart)
    {
        if (!Enum.IsDefined(current) || !Enum.IsDefined(proposed))
        {
            return PhaseTransition.Refused("Unknown phase.");
        }

        if (!AllowedNext(current).Contains(proposed))
        {
            return PhaseTransition.Refused(WhyNot(current, proposed));
        }

        if (proposedStart < currentStarted)
        {
            return PhaseTransition.Refused(
                $"{proposed.Title()} cannot start on {Iso(proposedStart)}, before {current.Name()} started on {Iso(currentStarted)}.");
        }

        return PhaseTransition.Allowed;
    }

    /// <summary>Checks a proposed next phase against the current entry of a course.</summary>
    public static PhaseTransition Check(PhaseEntry current, PhaseEntry proposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        return Check(current.Phase, current.Started, proposed.Phase, proposed.Started);
    }

    /// <summary>Checks the first phase recorded for a course: it must be <see cref="First"/>.</summary>
    public static PhaseTransition CheckFirst(PhaseEntry first)
    {
        ArgumentNullException.ThrowIfNull(first);
        return first.Phase == First
            ? PhaseTransition.Allowed
            : PhaseTransition.Refused($"A course {StartsWithFirst(first.Phase)}");
    }

    /// <summary>
    /// Checks a proposed next phase against the recorded history (oldest first) and, when Day 0 is
    /// known, against Day 0 (<see cref="CheckAgainstDayZero"/>).
    /// </summary>
    public static PhaseTransition CheckNext(IReadOnlyList<PhaseEntry> history, PhaseEntry proposed, DateOnly? dayZero)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(proposed);
        var step = history.Count == 0 ? CheckFirst(proposed) : Check(history[^1], proposed);
        return step.IsAllowed && dayZero is { } zero ? CheckAgainstDayZero(proposed, zero) : step;
    }

    /// <summary>True for the phases that happen before the cells go back (evaluation to conditioning).</summary>
    // domain/hsct.md §1 (states 1–5 come before reinfusion) and §2 (Day 0 = the day the cells are infused).
    public static bool IsBeforeDayZero(Phase phase) => BeforeDayZero.Contains(phase);

    /// <summary>A pre-transplant phase cannot start after Day 0; other phases are not checked here.</summary>
    public static PhaseTransition CheckAgainstDayZero(PhaseEntry entry, DateOnly dayZero)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return IsBeforeDayZero(entry.Phase) && entry.Started > dayZero
            ? PhaseTransition.Refused($"{entry.Phase.Title()} cannot start on {Iso(entry.Started)}, after Day 0 ({Iso(dayZero)}). Change Day 0 first if it moved.")
            : PhaseTransition.Allowed;
    }

    /// <summary>
    /// Checks a (new) Day 0 against the recorded history: it cannot come before a pre-transplant
    /// phase's start. The earliest such conflict is reported.
    /// </summary>
    public static PhaseTransition CheckDayZero(IEnumerable<PhaseEntry> history, DateOnly dayZero)
    {
        ArgumentNullException.ThrowIfNull(history);
        var late = history.Where(p => IsBeforeDayZero(p.Phase) && p.Started > dayZero).OrderBy(p => p.Started).FirstOrDefault();
        return late is null
            ? PhaseTransition.Allowed
            : PhaseTransition.Refused($"Day 0 ({Iso(dayZero)}) cannot be before {late.Phase.Name()}, which started on {Iso(late.Started)}.");
    }

    /// <summary>
    /// Checks a whole recorded history, oldest first. It must start with <see cref="First"/>;
    /// the first refused step is reported as "Step N: reason".
    /// </summary>
    public static PhaseTransition CheckHistory(IReadOnlyList<PhaseEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return PhaseTransition.Allowed;
        }

        if (!CheckFirst(history[0]).IsAllowed)
        {
            return PhaseTransition.Refused($"Step 1: a course {StartsWithFirst(history[0].Phase)}");
        }

        for (var i = 1; i < history.Count; i++)
        {
            var step = Check(history[i - 1], history[i]);
            if (!step.IsAllowed)
            {
                return PhaseTransition.Refused($"Step {NumberText.Int(i + 1)}: {step.Reason}");
            }
        }

        return PhaseTransition.Allowed;
    }

    private static string WhyNot(Phase current, Phase proposed)
    {
        var subject = $"{proposed.Title()} cannot follow {current.Title()}";

        if (current == Phase.Death)
        {
            return "Death ends the course; no phase can follow it.";
        }

        if (current == Phase.DeclinedOrWithdrawn)
        {
            return $"{subject}: the course ended when the patient declined or withdrew. Starting again is a new course.";
        }

        if (current == Phase.GraftFailure)
        {
            return $"{subject}: graft failure ends this course. A rescue infusion or second transplant is a new course with its own Day 0.";
        }

        if (current == Phase.LongTermFollowUp)
        {
            // domain/hsct.md §1: a second HSCT is a new course with a new Day 0.
            return $"{subject}: long-term follow-up is the last phase of a course. A second transplant is a new course with its own Day 0.";
        }

        if (proposed == current)
        {
            return $"{proposed.Title()} is already the current phase; only apheresis can repeat.";
        }

        switch (proposed)
        {
            case Phase.DeclinedOrWithdrawn:
                return $"{subject}: declined/withdrawn can only be recorded before conditioning starts.";
            case Phase.GraftFailure:
                return $"{subject}: graft failure is recorded from aplasia, when neutrophils have not recovered.";
            case Phase.PoorMobilisation:
                return $"{subject}: poor mobilisation can only follow mobilisation, re-mobilisation or apheresis.";
            case Phase.Remobilisation:
                return $"{subject}: re-mobilisation follows poor mobilisation.";
            case Phase.Readmission:
                return $"{subject}: readmission follows a discharge.";
        }

        if (current == Phase.PoorMobilisation && proposed == Phase.Mobilisation)
        {
            return $"{subject}: record a second attempt as re-mobilisation.";
        }

        var currentRank = Rank(current);
        var proposedRank = Rank(proposed);
        var isSide = SidePhases.TryGetValue(current, out var side);
        var goesBack = proposedRank < currentRank || (proposedRank == currentRank && (!isSide || proposed == side.Beside));
        if (goesBack)
        {
            return $"{subject}: the course does not go back. A second transplant is a new course with its own Day 0.";
        }

        var missing = new List<Phase>();
        var floor = currentRank;
        if (isSide && side.Exit != proposed)
        {
            missing.Add(side.Exit);
            floor = Rank(side.Exit);
        }

        // Required main-sequence phases in between; storage is optional (domain/hsct.md §1).
        missing.AddRange(MainSequence.Where(p => Rank(p) > floor && Rank(p) < proposedRank && p != Phase.Storage));

        if (missing.Count == 0)
        {
            return $"{subject}. Next can be: {JoinOr(AllowedNext(current))}.";
        }

        var verb = missing.Count == 1 ? "comes" : "come";
        return $"{subject}: {JoinAnd(missing)} {verb} first.";
    }

    private static string StartsWithFirst(Phase phase) => $"starts with {First.Name()}, not {phase.Name()}.";

    private static int Rank(Phase phase)
    {
        var main = SidePhases.TryGetValue(phase, out var side) ? side.Beside : phase;
        return Array.IndexOf(MainSequence, main);
    }

    private static string JoinAnd(IReadOnlyList<Phase> phases) => Join(phases, "and");

    private static string JoinOr(IReadOnlyList<Phase> phases) => Join(phases, "or");

    private static string Join(IReadOnlyList<Phase> phases, string conjunction) => phases.Count switch
    {
        0 => "nothing",
        1 => phases[0].Name(),
        _ => string.Join(", ", phases.Take(phases.Count - 1).Select(p => p.Name())) + $" {conjunction} " + phases[^1].Name(),
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
