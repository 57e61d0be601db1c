using HsctJournals.Domain.Treatment;

namespace HsctJournals.Domain.Tests.Treatment;

public class PhaseMachineTests
{
    private static readonly DateOnly Monday = new(2024, 3, 4);

    private static PhaseTransition Step(Phase from, Phase to) => PhaseMachine.Check(from, Monday, to, Monday.AddDays(1));

    [Fact]
    public void A_course_starts_with_evaluation()
    {
        Assert.Equal(Phase.Evaluation, PhaseMachine.First);
    }

    [Fact]
    public void The_whole_usual_pathway_is_allowed_in_order()
    {
        Phase[] pathway =
        [
            Phase.Evaluation, Phase.Mobilisation, Phase.Apheresis, Phase.Storage, Phase.Conditioning,
            Phase.Reinfusion, Phase.Aplasia, Phase.Engraftment, Phase.Discharge, Phase.EarlyRecovery,
            Phase.LongTermFollowUp,
        ];
        var history = pathway.Select((p, i) => new PhaseEntry(p, Monday.AddDays(i * 3))).ToList();

        Assert.True(PhaseMachine.CheckHistory(history).IsAllowed);
    }

    [Fact]
    public void Conditioning_cannot_follow_evaluation_and_the_reason_names_what_is_missing()
    {
        var result = Step(Phase.Evaluation, Phase.Conditioning);

        Assert.False(result.IsAllowed);
        Assert.Equal("Conditioning cannot follow Evaluation: mobilisation and apheresis come first.", result.Reason);
    }

    [Fact]
    public void A_fresh_graft_may_skip_storage()
    {
        Assert.True(Step(Phase.Apheresis, Phase.Conditioning).IsAllowed);
    }

    [Fact]
    public void Apheresis_may_repeat()
    {
        Assert.True(PhaseMachine.Check(Phase.Apheresis, Monday, Phase.Apheresis, Monday.AddDays(1)).IsAllowed);
    }

    [Fact]
    public void Another_apheresis_session_may_follow_storage_of_the_first_product()
    {
        Assert.True(Step(Phase.Storage, Phase.Apheresis).IsAllowed);
    }

    [Fact]
    public void Poor_mobilisation_leads_through_re_mobilisation_to_apheresis()
    {
        Assert.True(Step(Phase.Mobilisation, Phase.PoorMobilisation).IsAllowed);
        Assert.True(Step(Phase.PoorMobilisation, Phase.Remobilisation).IsAllowed);
        Assert.True(Step(Phase.Remobilisation, Phase.Apheresis).IsAllowed);
    }

    [Fact]
    public void A_poor_harvest_can_be_recorded_as_poor_mobilisation()
    {
        Assert.True(Step(Phase.Apheresis, Phase.PoorMobilisation).IsAllowed);
    }

    [Fact]
    public void Apheresis_cannot_follow_poor_mobilisation_without_re_mobilisation()
    {
        var result = Step(Phase.PoorMobilisation, Phase.Apheresis);

        Assert.Equal("Apheresis cannot follow Poor mobilisation: re-mobilisation comes first.", result.Reason);
    }

    [Fact]
    public void A_second_mobilisation_attempt_is_re_mobilisation()
    {
        var result = Step(Phase.PoorMobilisation, Phase.Mobilisation);

        Assert.False(result.IsAllowed);
        Assert.Contains("re-mobilisation", result.Reason);
    }

    [Fact]
    public void Re_mobilisation_needs_poor_mobilisation_first()
    {
        var result = Step(Phase.Mobilisation, Phase.Remobilisation);

        Assert.Equal("Re-mobilisation cannot follow Mobilisation: re-mobilisation follows poor mobilisation.", result.Reason);
    }

    [Fact]
    public void Discharge_and_readmission_may_alternate_repeatedly()
    {
        List<PhaseEntry> history =
        [
            new(Phase.Evaluation, Monday), new(Phase.Mobilisation, Monday.AddDays(30)),
            new(Phase.Apheresis, Monday.AddDays(40)), new(Phase.Conditioning, Monday.AddDays(50)),
            new(Phase.Reinfusion, Monday.AddDays(56)), new(Phase.Aplasia, Monday.AddDays(57)),
            new(Phase.Engraftment, Monday.AddDays(66)), new(Phase.Discharge, Monday.AddDays(72)),
            new(Phase.Readmission, Monday.AddDays(75)), new(Phase.Discharge, Monday.AddDays(80)),
            new(Phase.Readmission, Monday.AddDays(85)), new(Phase.Discharge, Monday.AddDays(90)),
            new(Phase.EarlyRecovery, Monday.AddDays(90)),
        ];

        Assert.True(PhaseMachine.CheckHistory(history).IsAllowed);
    }

    [Fact]
    public void A_readmission_during_early_recovery_is_allowed()
    {
        Assert.True(Step(Phase.EarlyRecovery, Phase.Readmission).IsAllowed);
    }

    [Fact]
    public void Early_recovery_cannot_follow_readmission_without_a_discharge()
    {
        Assert.Equal(
            "Early recovery cannot follow Readmission: discharge comes first.",
            Step(Phase.Readmission, Phase.EarlyRecovery).Reason);
    }

    [Fact]
    public void Readmission_needs_a_discharge_first()
    {
        Assert.Equal(
            "Readmission cannot follow Aplasia: readmission follows a discharge.",
            Step(Phase.Aplasia, Phase.Readmission).Reason);
    }

    [Theory]
    [InlineData(Phase.Evaluation)]
    [InlineData(Phase.Mobilisation)]
    [InlineData(Phase.PoorMobilisation)]
    [InlineData(Phase.Apheresis)]
    [InlineData(Phase.Storage)]
    public void A_patient_may_decline_or_withdraw_before_conditioning(Phase current)
    {
        Assert.True(Step(current, Phase.DeclinedOrWithdrawn).IsAllowed);
    }

    [Fact]
    public void Withdrawal_cannot_be_recorded_once_conditioning_has_started()
    {
        var result = Step(Phase.Conditioning, Phase.DeclinedOrWithdrawn);

        Assert.False(result.IsAllowed);
        Assert.Contains("before conditioning starts", result.Reason);
    }

    [Theory]
    [InlineData(Phase.Evaluation)]
    [InlineData(Phase.Conditioning)]
    [InlineData(Phase.Aplasia)]
    [InlineData(Phase.Readmission)]
    [InlineData(Phase.LongTermFollowUp)]
    [InlineData(Phase.GraftFailure)]
    [InlineData(Phase.DeclinedOrWithdrawn)]
    public void Death_may_follow_any_phase(Phase current)
    {
        Assert.True(Step(current, Phase.Death).IsAllowed);
    }

    [Fact]
    public void Nothing_follows_death()
    {
        Assert.Empty(PhaseMachine.AllowedNext(Phase.Death));
        Assert.Equal("Death ends the course; no phase can follow it.", Step(Phase.Death, Phase.Evaluation).Reason);
    }

    [Fact]
    public void Graft_failure_follows_aplasia_and_ends_the_course()
    {
        Assert.True(Step(Phase.Aplasia, Phase.GraftFailure).IsAllowed);
        Assert.Equal([Phase.Death], PhaseMachine.AllowedNext(Phase.GraftFailure));
        Assert.Contains("new course", Step(Phase.GraftFailure, Phase.Reinfusion).Reason);
    }

    [Fact]
    public void Graft_failure_cannot_be_recorded_before_the_cells_are_back()
    {
        Assert.Contains("graft failure is recorded from aplasia", Step(Phase.Conditioning, Phase.GraftFailure).Reason);
    }

    [Theory]
    [InlineData(Phase.DeclinedOrWithdrawn, true)]
    [InlineData(Phase.GraftFailure, true)]
    [InlineData(Phase.Death, true)]
    [InlineData(Phase.LongTermFollowUp, false)]
    [InlineData(Phase.Aplasia, false)]
    public void Terminal_phases_are_the_side_exits_of_a_course(Phase phase, bool terminal)
    {
        Assert.Equal(terminal, PhaseMachine.IsTerminal(phase));
    }

    [Fact]
    public void The_course_does_not_go_back_and_a_second_transplant_is_a_new_course()
    {
        var result = Step(Phase.Engraftment, Phase.Conditioning);

        Assert.Equal(
            "Conditioning cannot follow Engraftment: the course does not go back. A second transplant is a new course with its own Day 0.",
            result.Reason);
    }

    [Fact]
    public void Long_term_follow_up_is_the_last_phase()
    {
        Assert.Equal([Phase.Death], PhaseMachine.AllowedNext(Phase.LongTermFollowUp));
        Assert.Contains("new course", Step(Phase.LongTermFollowUp, Phase.Mobilisation).Reason);
    }

    [Fact]
    public void A_phase_that_is_not_repeatable_cannot_follow_itself()
    {
        Assert.Equal(
            "Conditioning is already the current phase; only apheresis can repeat.",
            Step(Phase.Conditioning, Phase.Conditioning).Reason);
    }

    [Fact]
    public void Day_0_cannot_be_skipped()
    {
        Assert.Equal(
            "Aplasia cannot follow Conditioning: reinfusion (Day 0) comes first.",
            Step(Phase.Conditioning, Phase.Aplasia).Reason);
    }

    [Fact]
    public void A_phase_cannot_start_before_the_current_one_started()
    {
        var result = PhaseMachine.Check(Phase.Storage, new DateOnly(2024, 3, 5), Phase.Conditioning, new DateOnly(2024, 3, 1));

        Assert.False(result.IsAllowed);
        Assert.Equal("Conditioning cannot start on 2024-03-01, before storage started on 2024-03-05.", result.Reason);
    }

    [Fact]
    public void A_phase_may_start_on_the_same_day_as_the_current_one()
    {
        Assert.True(PhaseMachine.Check(Phase.Discharge, Monday, Phase.EarlyRecovery, Monday).IsAllowed);
    }

    [Fact]
    public void A_history_reports_its_first_refused_step()
    {
        List<PhaseEntry> history =
        [
            new(Phase.Evaluation, Monday),
            new(Phase.Mobilisation, Monday.AddDays(10)),
            new(Phase.Conditioning, Monday.AddDays(20)),
        ];

        Assert.Equal(
            "Step 3: Conditioning cannot follow Mobilisation: apheresis comes first.",
            PhaseMachine.CheckHistory(history).Reason);
    }

    [Fact]
    public void A_history_must_start_with_evaluation()
    {
        var result = PhaseMachine.CheckHistory([new PhaseEntry(Phase.Mobilisation, Monday)]);

        Assert.Equal("Step 1: a course starts with evaluation, not mobilisation.", result.Reason);
    }

    [Fact]
    public void Rehabilitation_is_a_parallel_track_not_a_phase()
    {
        Assert.DoesNotContain("Rehabilitation", Enum.GetNames<Phase>());
    }

    [Fact]
    public void Every_phase_has_a_readable_name()
    {
        Assert.All(Enum.GetValues<Phase>(), p => Assert.NotEqual("unknown phase", p.Name()));
    }

    [Fact]
    public void An_undefined_phase_value_is_refused_not_thrown()
    {
        Assert.False(Step((Phase)99, Phase.Evaluation).IsAllowed);
    }

    // --- Day 0 (domain/hsct.md §1, §2): pre-transplant phases cannot start after it ---

    [Theory]
    [InlineData(Phase.Evaluation)]
    [InlineData(Phase.Mobilisation)]
    [InlineData(Phase.Apheresis)]
    [InlineData(Phase.Storage)]
    [InlineData(Phase.Conditioning)]
    public void A_pre_transplant_phase_cannot_start_after_Day_0(Phase phase)
    {
        var result = PhaseMachine.CheckAgainstDayZero(new PhaseEntry(phase, Monday.AddDays(1)), Monday);

        Assert.False(result.IsAllowed);
        Assert.EndsWith("after Day 0 (2024-03-04). Change Day 0 first if it moved.", result.Reason);
    }

    [Fact]
    public void A_pre_transplant_phase_may_start_on_Day_0_and_later_phases_after_it()
    {
        Assert.True(PhaseMachine.CheckAgainstDayZero(new PhaseEntry(Phase.Conditioning, Monday), Monday).IsAllowed);
        Assert.True(PhaseMachine.CheckAgainstDayZero(new PhaseEntry(Phase.Aplasia, Monday.AddDays(5)), Monday).IsAllowed);
        Assert.False(PhaseMachine.IsBeforeDayZero(Phase.Reinfusion));
    }

    [Fact]
    public void The_next_phase_is_checked_against_the_history_and_Day_0()
    {
        PhaseEntry[] history = [new(Phase.Evaluation, Monday), new(Phase.Mobilisation, Monday.AddDays(10))];

        Assert.True(PhaseMachine.CheckNext(history, new PhaseEntry(Phase.Apheresis, Monday.AddDays(20)), Monday.AddDays(40)).IsAllowed);
        Assert.Contains("after Day 0", PhaseMachine.CheckNext(history, new PhaseEntry(Phase.Apheresis, Monday.AddDays(20)), Monday.AddDays(15)).Reason);
        Assert.Contains("cannot follow", PhaseMachine.CheckNext(history, new PhaseEntry(Phase.Discharge, Monday.AddDays(20)), null).Reason);
        Assert.Equal("A course starts with evaluation, not mobilisation.", PhaseMachine.CheckNext([], new PhaseEntry(Phase.Mobilisation, Monday), null).Reason);
    }

    [Fact]
    public void Day_0_cannot_move_before_a_recorded_pre_transplant_phase()
    {
        PhaseEntry[] history = [new(Phase.Evaluation, Monday), new(Phase.Mobilisation, Monday.AddDays(10)), new(Phase.Conditioning, Monday.AddDays(30))];

        Assert.Equal("Day 0 (2024-03-24) cannot be before conditioning, which started on 2024-04-03.", PhaseMachine.CheckDayZero(history, Monday.AddDays(20)).Reason);
        Assert.True(PhaseMachine.CheckDayZero(history, Monday.AddDays(35)).IsAllowed);
    }
}
