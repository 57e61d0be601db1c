namespace HsctJournals.Domain.Treatment;

/// <summary>
/// The phases of one aHSCT course (domain/hsct.md §1). <see cref="PhaseMachine"/> knows which
/// phase may follow which.
/// </summary>
/// <remarks>
/// Rehabilitation is deliberately not a member: it runs as a parallel track before and after
/// the transplant, not as a step in this sequence. A second transplant is a new course with its
/// own Day 0, not a loop back in this one.
/// </remarks>
// domain/hsct.md §1: rows 1–11 are the sequence; row 12 (rehabilitation) is a parallel track.
public enum Phase
{
    /// <summary>Eligibility work-up, tests, DMT washout, central line.</summary>
    Evaluation = 1,

    /// <summary>Chemotherapy and/or G-CSF to move CD34+ cells into the blood.</summary>
    Mobilisation = 2,

    /// <summary>Too few CD34+ cells in blood or in the harvest.</summary>
    PoorMobilisation = 3,

    /// <summary>A second mobilisation attempt, e.g. with plerixafor.</summary>
    Remobilisation = 4,

    /// <summary>A harvest session; may repeat.</summary>
    Apheresis = 5,

    /// <summary>Cryopreservation until conditioning; skipped with fresh grafts.</summary>
    Storage = 6,

    /// <summary>High-dose chemotherapy (± ATG/rituximab) before the cells go back.</summary>
    Conditioning = 7,

    /// <summary>The cells are infused: this is Day 0.</summary>
    Reinfusion = 8,

    /// <summary>Counts at their lowest; isolation, prophylaxis, transfusions.</summary>
    Aplasia = 9,

    /// <summary>Counts have recovered (computed from labs, see <see cref="EngraftmentCalculator"/>).</summary>
    Engraftment = 10,

    /// <summary>Home from hospital.</summary>
    Discharge = 11,

    /// <summary>Back in hospital after a discharge (fever, infection, ATG reaction).</summary>
    Readmission = 12,

    /// <summary>Roughly the first 100 days to 6 months at home.</summary>
    EarlyRecovery = 13,

    /// <summary>Years of neurology review, MRI, labs and revaccination.</summary>
    LongTermFollowUp = 14,

    /// <summary>The patient was declined or withdrew before conditioning; ends the course.</summary>
    DeclinedOrWithdrawn = 15,

    /// <summary>No neutrophil recovery; ends this course.</summary>
    GraftFailure = 16,

    /// <summary>Ends the course; may follow any phase.</summary>
    Death = 17,
}
