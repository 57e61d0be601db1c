namespace HsctJournals.Web.Startup.Demo;

/// <summary>
/// One demo journal post. <see cref="Day"/> is the transplant day relative to Day 0 (reinfusion):
/// negative before, positive after. <see cref="Markdown"/> is the post body (the title is separate).
/// </summary>
public sealed record DemoPost(string Title, string Category, int Day, string[] Tags, string Markdown);

/// <summary>
/// One demo reader comment. <see cref="ReplyTo"/> is the 0-based index of an earlier comment in the
/// same post's list, or -1 for a top-level comment. <see cref="Status"/> is "Approved", "Pending" or "Spam".
/// </summary>
public sealed record DemoComment(string Author, string Email, string? Website, int ReplyTo, int MinutesAfterPost, string Text, string Status);

/// <summary>
/// Invented demo content: the public aHSCT journal of a fictional MS patient (Isla Brennan) from
/// work-up (Day −60) to her six-month review (Day +180), reader comments for each post, and a short
/// private notebook kept by her (equally fictional) husband. Nothing here is medical advice; the
/// writers only record what their clinic did.
/// </summary>
public static class DemoStories
{
    public const string PatientName = "Isla Brennan";
    public const string JournalTitle = "Counting From Zero";
    public const string JournalTagline = "One mum, one relapsing MS diagnosis and one stem cell transplant, written up one day number at a time.";

    public static readonly string[] Categories = ["Before HSCT", "Mobilisation & Harvest", "Conditioning & Day 0", "Isolation & Engraftment", "Recovery"];

    public static readonly DemoPost[] Posts =
    [
        new(
            "Work-up week: tests, teeth and a date",
            "Before HSCT",
            -60,
            ["work-up", "mri"],
            """
            ## The short version

            I have a provisional Day 0. After a year and a half of "maybe" and four months of "yes, please", the transplant team has looked at every part of me and said yes back.

            ## What work-up actually involved

            Five appointments over two weeks, most of them in rooms without windows:

            - **Bloods** – eleven tubes in one sitting, including virus screens and a pregnancy test I laughed at
            - **Echo and ECG** – my heart is "boringly normal", the nicest thing a cardiologist has ever said to me
            - **Lung function** – blowing into a tube until I saw stars
            - **MRI** of brain and spine – the two lesions that lit up last spring are still there, nothing new since
            - **Dentist** – one old filling to redo before any chemo
            - **Fertility** – we have Alfie, and we decided not to store eggs. That was harder to say out loud than I expected

            My last ocrelizumab infusion was seven months ago, so the washout box is ticked. My EDSS today is **4.0**: I can walk roughly half a kilometre before my left foot starts to drag and I go looking for a wall.

            > We are not promising you a cure. We are offering to stop the thing that keeps taking bits of you.

            That was my haematologist, who chooses her words carefully. Nobody in that clinic oversold anything, and I trust them more for it.

            ## What's next

            The line goes in and mobilisation chemo starts in about a month. If you want plain-English background on aHSCT, the [MS Society](https://www.mssociety.org.uk/) pages are where I started, long before I dared to ask my neurologist about it.
            """),

        new(
            "Mobilisation: one bag of chemo and a fridge full of jabs",
            "Mobilisation & Harvest",
            -30,
            ["mobilisation", "chemo", "g-csf"],
            """
            ## Line in, chemo done

            Yesterday a radiologist put in my Hickman line – two little tails hanging out of my chest that I have already named Ant and Dec. Today was **mobilisation chemo**: cyclophosphamide 2 g/m², which for me came to just over 3.4 g, running over two hours.

            It was a long, dull, watery day:

            1. Fluids, anti-sickness tablets and a dose of mesna to protect my bladder
            2. The cyclophosphamide itself, in a bag with a yellow hazard sticker
            3. Litres more fluid afterwards, and a jug to wee in so they could measure everything

            I felt fine until about teatime, then queasy and very tired. The nurses sent me home with more anti-sickness tablets, a thermometer, and the ward's phone number written in capitals on a card.

            ## The plan for the next ten days

            - My counts will dip in about a week – the chemo knocks them down on purpose
            - From **Day −25** I inject **G-CSF (filgrastim)** into my tummy every evening. The pre-filled syringes now live in the butter compartment of our fridge
            - Daily bloods from around Day −23, so the lab can watch the **CD34+ count** in my blood climb
            - Harvest when it's high enough, probably around Day −20

            > Bone pain from G-CSF is a sign it's working. Ring us if paracetamol doesn't touch it.

            That is the only line of the leaflet I actually remember.

            Hair: the nurse warned me the mobilisation dose on its own can thin it over the next few weeks, so I bought a nice scarf on the way home. Positive thinking or retail therapy. Possibly both.
            """),

        new(
            "Harvest day: 5.8 million reasons to smile",
            "Mobilisation & Harvest",
            -20,
            ["harvest", "cd34", "g-csf"],
            """
            ## The numbers first

            - Blood CD34+ count this morning: **46 cells/µL** (they were happy with anything comfortably above the teens)
            - White cells after five days of G-CSF: **WBC 41 × 10⁹/L** – my bone marrow has clearly been working overtime
            - Time on the machine: **4 hours 40 minutes**
            - Collected: **5.8 × 10⁶ CD34+ cells/kg**, in **one session**

            The team's minimum was 2 × 10⁶/kg, so that's a very comfortable margin. I cried a bit on the phone when the lab rang at half six.

            ## What apheresis is actually like

            You lie on a bed, attached by your line to a machine the size of a fridge that spins your blood, skims off the stem cells and hands the rest back. Mine processed about 16 litres, which is more than three times all the blood in me.

            The odd bits nobody mentioned:

            - **Tingly lips and fingers** from the anticoagulant. A calcium drip sorted it out within minutes
            - **Feeling cold** – the returning blood is a little cooler, so I had two blankets and a heated pad
            - **Boredom** – I watched four episodes of a baking show and learned nothing about baking

            The G-CSF bone ache has been mostly in my hips and lower back. Paracetamol and a hot water bottle kept it bearable, as the nurses said they would.

            ## What happens to the cells

            They're frozen in **four bags** and stored until conditioning in a fortnight. Somewhere in a freezer there's a spare me, waiting.

            Hair update: there's definitely more of it in my brush. The scarf may be needed sooner than I thought.
            """),

        new(
            "Admission day: the room, the rules and the plan",
            "Conditioning & Day 0",
            -6,
            ["conditioning", "atg", "isolation"],
            """
            ## My home for the next three weeks

            Room 7 is small, bright and smells of hand gel. The window doesn't open, the air is filtered, and there's a little lobby by the door where everyone washes their hands and puts on an apron. There's an exercise bike for physio, a fridge for my own sealed snacks and a television I already suspect I'll hate by Day +5.

            **House rules**, as read out by the nurse in charge:

            - No fresh flowers, plants or unwashed fruit
            - Visitors: Callum only, and not if he has so much as a sniffle
            - Temperature, pulse and blood pressure every four hours, day and night
            - Every drop of wee measured while the chemo runs

            ## The plan, as written on my whiteboard

            | Day | What |
            |---|---|
            | −6 | Admission, fluids, weigh-in (64.2 kg) |
            | −5 to −2 | Cyclophosphamide 50 mg/kg each day, with mesna and lots of fluid |
            | −5 to −2 | Rabbit ATG, with steroid and antihistamine cover first |
            | −1 | Rest day |
            | 0 | My own cells back |

            The ATG is the part I'm most nervous about. It's the bit that goes after the immune cells that have been damaging my nerves, and it's known for causing fevers and shakes with the first dose. The nurses will run it slowly and sit with me.

            > You'll feel rubbish before you feel better. That's the deal, and we know how to get you through it.

            I've unpacked: three pairs of soft pyjamas, my own pillowcase, a stash of lip balm, a jigsaw, and a drawing from Alfie of me "fighting the bad blood" with a sword. It's taped above the bed.

            Tomorrow it starts.
            """),

        new(
            "Day 0: happy stem cell birthday to me",
            "Conditioning & Day 0",
            0,
            ["day-0", "reinfusion", "atg"],
            """
            ## How conditioning went

            Four days of cyclophosphamide and ATG, in brief:

            - **Day −5**: first ATG dose. Forty minutes in I started shaking so hard the bed rattled, and my temperature hit 38.9 °C. They paused it, gave more hydrocortisone and paracetamol, and restarted it slowly. Scary, but the nurses didn't blink
            - **Day −4**: an itchy rash on my arms. Antihistamines helped
            - **Day −3**: the nausea arrived properly. I lived on ice lollies and ginger biscuits
            - **Day −2**: last chemo. Puffy from all the fluid – up 3 kg – so a diuretic and a lot of trips to the toilet
            - **Day −1**: rest day. I slept through most of it

            ## Cells back

            At 11 this morning the stem cell nurse wheeled in a steaming flask of liquid nitrogen with my name on it. Each of my four bags was thawed in a warm water bath next to the bed and went in through my line over about ten minutes.

            The famous smell is real: the preservative makes you smell of **tinned sweetcorn** for a day or so. Callum says the whole corridor smells of it. The nurse sang happy birthday, badly and with feeling.

            That was it. No drama. Forty minutes, four bags, one new start.

            Bloods today: WBC 1.1 × 10⁹/L, neutrophils 0.9, platelets 96, Hb 10.4 g/dL. Everything is heading down, as expected – the team say the next week is about getting through the low point safely.

            > Happy Birthday Mummy's new blood. From Alfie, age 7 (and a half)

            That card is now on the whiteboard, right over the drug chart.
            """),

        new(
            "Day +3: the fever everyone warned me about",
            "Isolation & Engraftment",
            3,
            ["fever", "bloods", "isolation"],
            """
            ## 2 a.m.

            I woke up freezing and shaking, which in a room kept at 22 degrees is never good. The thermometer said **38.4 °C**. I pressed the buzzer and the febrile neutropenia routine ran like a well-rehearsed play:

            1. Blood cultures from both lumens of my line and one from my arm
            2. IV antibiotics running within the hour
            3. A portable chest X-ray at 4 a.m., which was clear
            4. Observations every hour until morning

            I'd read that most people on this regimen get at least one fever during the low weeks, so I knew it was coming. Knowing didn't make the shaking any less horrible, but it made it less frightening.

            ## Today's numbers

            - WBC **0.2 × 10⁹/L**
            - Neutrophils **0.08 × 10⁹/L** – basically no defences
            - Platelets **38**
            - Hb **9.1 g/dL**

            Nothing has grown in the cultures so far. The fever broke around lunchtime and I'm at 37.4 °C tonight.

            ## The MS bit

            With the temperature up, my left leg went heavy and clumsy, like the worst days before a relapse. The neurology registrar popped in and said old symptoms often resurface with a fever and usually settle when it does. By this evening it was already better.

            My mouth is starting to feel rough – the first sign of mucositis, apparently – so it's mouthwash four times a day and soft food. Callum is on video right now reading Alfie his bedtime story, and I'm listening in from here.
            """),

        new(
            "Day +6: rock bottom, and goodbye hair",
            "Isolation & Engraftment",
            6,
            ["hair", "nadir", "bloods"],
            """
            ## The bottom of the curve

            Today's bloods are as low as they get:

            - WBC **under 0.1 × 10⁹/L**
            - Neutrophils **0.01** – the lab wrote "too few to count" beside it
            - Platelets **14**
            - Hb **8.2 g/dL**

            The team call this the **nadir**, and they seem pleased in a quiet way – it means the conditioning did what it was meant to. If my platelets drop under 10 I'll have a bag tomorrow. G-CSF jabs started again yesterday to coax the new cells along.

            My mouth is sore enough that swallowing is a project. A numbing mouthwash before meals helps, and the dietitian has me on milkshake-style supplements. Two of them count as lunch, apparently.

            ## The hair

            It had been thinning since mobilisation, but this morning there was more hair on the pillow than on my head. I sat up and a whole clump came away in my hand. I'd been bracing for it for weeks and it still took my breath away.

            So I asked Priya to stay on video, and Sam, my favourite nurse, ran the clippers over what was left. It took four minutes.

            > It's only hair. It grows back. But I'm allowed to be sad about it for a day.

            I said that to Priya, and I meant both halves.

            Honestly? I look like my grandad. Alfie says I look like "a cool baddie from a film", and I'm taking that. The soft hat my sister Jo knitted is on, and the scarf from mobilisation day has finally earned its keep.
            """),

        new(
            "Day +10: engrafted!",
            "Isolation & Engraftment",
            10,
            ["engraftment", "bloods"],
            """
            ## Three days in a row

            The rule on my unit: neutrophils at or above **0.5 × 10⁹/L** on three separate days, and the team calls it engraftment. My run:

            - **Day +8**: 0.52
            - **Day +9**: 0.74
            - **Day +10**: 1.30

            {{chart: neutrophils}}

            {{milestone: engraftment}}

            So, officially, the cells that went in on Day 0 have found their way home to my bone marrow and started making new blood. I've been grinning at the whiteboard all morning like it's a winning lottery ticket.

            ## The rest of the picture

            - Platelets **31** today. I had a bag on **Day +7** when they fell to 9, so they don't count as engrafted until I've managed a full week without help
            - Hb **8.6 g/dL** – tired and breathless on the way to the bathroom scales, but no red cell transfusion so far
            - Temperature normal since Day +4; the antibiotics stop tomorrow if it stays that way

            ## How I actually feel

            Like I've been run over by something slow and polite. My mouth has healed enough for toast, which I ate with the seriousness of a food critic. I did ten minutes on the exercise bike with the physio and then slept for two hours.

            > The hardest part is behind you. The longest part is ahead of you.

            My consultant said that on the ward round, and I think it's going to be my motto for the next year.

            There's talk of going home around **Day +15** if the counts keep climbing. Callum has deep-cleaned the house twice, and reports that Alfie is making a banner.
            """),

        new(
            "Day +15: home, with a thermometer",
            "Recovery",
            15,
            ["discharge", "home"],
            """
            ## Out

            Fifteen days after my cells went back in, and twenty-one after I walked into Room 7, I walked out – slowly, with Callum carrying everything and me carrying the thermometer.

            Discharge bloods: neutrophils **3.4 × 10⁹/L**, platelets **72**, Hb **9.6 g/dL**. Not normal yet, but climbing on their own.

            ## The rules I've been sent home with

            These are my unit's instructions for me, not general advice – every clinic does it a little differently:

            - **Temperature every evening for a month.** If it's 37.5 °C or higher, I ring the ward's 24-hour number, not the GP
            - **Mask** in shops, on buses and anywhere crowded for about three months
            - **Food hygiene** like a pregnant woman: no soft cheese, no runny eggs, nothing reheated twice
            - **No gardening**, and no cleaning out the cat litter (Callum is thrilled)
            - A week of **tablets** in a pill organiser: an antiviral, an antifungal, an antibiotic three days a week and a stomach protector
            - **Bloods twice a week** at the day unit at first, then weekly

            ## The first hour home

            Alfie's banner said WELCOME HOME MUM YOUR BLOOD IS NEW. He hugged me very carefully, as instructed, and then a bit less carefully.

            I sat in my own chair, drank tea from my own mug, and was asleep by four in the afternoon.

            > Home isn't the finish line. It's just a nicer room to recover in.

            The nurses said I'd underestimate how tired I'd be. I'm writing this from bed at 7 p.m. They were right.
            """),

        new(
            "Day +45: nobody tells you how tired tired is",
            "Recovery",
            45,
            ["fatigue", "recovery"],
            """
            ## The fatigue

            Six weeks out, and my counts are doing brilliantly. I am not.

            It isn't sleepy tiredness. It's the kind where you stand in the kitchen holding a mug and can't work out whether you've just made tea or are about to. Most days I get about **three useful hours**, usually in the morning, and then the battery goes flat whether I like it or not.

            What's helping, in no particular order:

            - A proper nap after lunch, on the bed, with an alarm
            - A walk to the end of the road and back every day, even on bad days. On good days, the park
            - No visitors after 3 p.m.
            - Writing down the day's one job the night before, so I don't waste energy deciding

            The MS fatigue I knew before was different – heavier and foggier. This feels more like getting over a very long flu. The fatigue pages on the [MS Society](https://www.mssociety.org.uk/) site helped me find words for the difference when I talk to the team.

            ## This week's bloods

            - Neutrophils **2.9 × 10⁹/L**
            - Platelets **168** – back in the normal range!
            - Hb **11.2 g/dL**
            - Lymphocytes **0.4** – still very low, which the team expected after ATG; they rebuild slowly over months

            The CMV and EBV checks have been negative every week so far.

            ## Small wins

            The month of evening temperatures is over. There's a fine dark fuzz on my head that Alfie strokes like a hamster. And yesterday I walked to the postbox without thinking about my left foot at all, which hasn't happened in years. I'm trying not to read too much into it.

            > Be patient with the body that just did all this for you.

            That's stuck on the fridge, next to the G-CSF syringe I don't need any more.
            """),

        new(
            "Day +100: the first big review",
            "Recovery",
            100,
            ["review", "bloods", "vaccines"],
            """
            ## Day 100

            In transplant world Day +100 is a proper milestone – the registries even have a form for it – and my clinic marks it with a long morning of appointments. Here's how mine went.

            ## Haematology

            - Neutrophils **3.6 × 10⁹/L**, platelets **221**, Hb **12.4 g/dL** – all in range
            - Lymphocytes **0.7** and a **CD4 count of 190 cells/µL** – low, and expected to stay low for a while
            - Thyroid, kidney and liver bloods normal
            - CMV and EBV still negative, so that monitoring drops to monthly

            The consultant went through the **revaccination** plan my clinic uses: inactivated vaccines from around six months, more doses through the first two years, and no live vaccines before two years at the earliest. I have a printed schedule on the fridge, and I'm not going to guess any of it myself.

            ## Neurology

            My neurologist did the full examination, then timed me on the **25-foot walk** (7.9 seconds, down from 8.4 at work-up) and the **9-hole peg test** with each hand. My EDSS is still **4.0** on paper. She said changes, if they come, tend to show up later and slowly, and that the main goal right now is that nothing new is happening.

            > Stability is the win. Anything extra is a bonus.

            I wrote that down in the car park before I could forget it.

            ## Me

            The fatigue is lifting in steps rather than a slope – a bad week, then suddenly a good one. I'm back at work two mornings a week, from home. My hair is now short enough to look like a choice rather than a symptom.

            Next stop: six months, and my first MRI since the transplant.
            """),

        new(
            "Six months: EDSS 3.0 and a quiet MRI",
            "Recovery",
            184, // written a few days after the Day +180 review, as the post says
            ["review", "mri", "edss"],
            """
            ## The headline

            My six-month review was on Tuesday. I've waited a few days to write this because I wanted to be sure I'd heard it right.

            - **MRI**: no new or enlarging lesions, nothing enhancing with contrast. The report uses the word "stable" four times, and I've read it about forty
            - **EDSS**: **3.0**, down from **4.0** at work-up
            - **25-foot walk**: 6.4 seconds (8.4 before transplant)
            - **9-hole peg**: faster with both hands, most of all my left
            - **Bloods**: normal counts, and lymphocytes up to **1.1 × 10⁹/L**

            In real life, it means I walked 1.2 km along the canal last Sunday, with Alfie on his scooter, and didn't need a wall once.

            ## Keeping it in proportion

            My neurologist was clear that this is one good result, not a verdict. The aim is years of nothing happening – no relapses, no new lesions, no worsening – and she'll keep checking with yearly MRIs. Some of my improvement may just be old inflammation settling down, and she couldn't promise how much more will come. I'm fine with that. Six months ago I was pricing up bathroom rails.

            My first round of vaccinations starts next month, on the clinic's schedule.

            ## Thank you

            To the ward nurses who held buckets and hands. To Callum, who learned to flush a Hickman line and never once complained. To Priya for the lifts. To Mum for the soup. And to everyone who commented – I read every word, usually at 3 a.m.

            > Counting from zero turned out to mean counting up.

            If you're reading this because you're at the very start, the [EBMT](https://www.ebmt.org/) and [MS Society](https://www.mssociety.org.uk/) websites are good places to begin – and your own team is the best place of all.
            """),
    ];

    public static readonly DemoComment[][] Comments =
    [
        // 0: Day −60, work-up
        [
            new("Priya Raman", "priya.raman@example.com", null, -1, 95,
                "\"Boringly normal\" heart – I'm getting that embroidered on a cushion for you.\nSend me every appointment date and I'll drive. No arguments.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 160,
                "You're booked for the line appointment. Bring the good biscuits, not the ones from the garage.", "Approved"),
            new("Gwen Parry", "gwen.parry@example.com", "https://gwen-waits.example.com", -1, 2890,
                "Hi Isla, I found your blog through an HSCT support group. I'm about six months behind you and my own work-up is in the spring.\nThank you for writing about the fertility conversation. Nobody else seems to mention it.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 2, 3010,
                "Hi Gwen, and welcome! It was the conversation I was least prepared for. Shout if you want to compare notes as you go.", "Approved"),
        ],

        // 1: Day −30, mobilisation
        [
            new("Ann Brennan", "ann.brennan@example.org", null, -1, 45,
                "The butter compartment! Your dad would have approved.\nI'm bringing soup on Thursday whether you want it or not.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 70,
                "I always want your soup, Mum. Leek and potato, please.", "Approved"),
            new("LuckySpins VIP", "promo@luckyspins-casino.example.net", "https://luckyspins-casino.example.net", -1, 412,
                "Great post!!! Feeling unlucky?? Claim 200 FREE SPINS today at the No.1 online casino, no deposit needed, withdraw winnings instantly. Visit our site now!!!", "Spam"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 600,
                "The G-CSF ache was worst for me on the third and fourth evenings, mostly in my pelvis. A hot water bottle was my best friend. Good luck with the harvest!", "Approved"),
        ],

        // 2: Day −20, harvest (five-level thread: Sander → Isla → Sander → Gwen → Isla; comments listed in time order)
        [
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 60,
                "5.8 in one go is a brilliant harvest. I needed two sessions and only just scraped past the minimum, so enjoy this one.\nThe tingly lips were my least favourite part too.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 140,
                "Thank you, Sander! Did needing two sessions change anything later on, or did it stop mattering once you had enough?", "Approved"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", 1, 310,
                "It didn't matter at all for me. My team said anything over their minimum was fine, and I engrafted on Day +11. The number on the bag is not a score.", "Approved"),
            new("Luke Adeyemi", "luke.adeyemi@example.com", null, -1, 480,
                "The whole office says well done on the harvest. Nobody here really understands what a CD34 is, but we've agreed 5.8 million of them sounds excellent.", "Approved"),
            new("Gwen Parry", "gwen.parry@example.com", "https://gwen-waits.example.com", 2, 900,
                "That is so reassuring to read. My haematologist mentioned \"poor mobilisers\" at my first appointment and I've been quietly worrying about it ever since.\nSander, did they give you anything extra for the second go?", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 4, 1020,
                "Gwen, I'll leave the medical bit to Sander and your own team, but my nurse told me the same thing: they plan for a low first collection and have options ready. Hearing their plan B out loud really helped me.", "Approved"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", 4, 1110,
                "They added plerixafor for my second session, because my count was creeping up too slowly. Every team has its own approach, though.", "Approved"),
            new("Ann Brennan", "ann.brennan@example.org", null, -1, 1300,
                "Four little bags of you in a freezer. I don't know whether to laugh or cry, so I've done both.", "Approved"),
        ],

        // 3: Day −6, admission
        [],

        // 4: Day 0, reinfusion
        [
            new("Ann Brennan", "ann.brennan@example.org", null, -1, 30,
                "Happy birthday, my darling girl. I never thought I'd be saying that twice in one year.\nAlfie has asked if there will be cake. I've said yes.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 95,
                "There has to be cake. Tell him the sweetcorn smell will be gone by the time I'm home.", "Approved"),
            new("Priya Raman", "priya.raman@example.com", null, -1, 130,
                "Forty minutes, four bags, one new start. I've read that line five times now. So proud of you.", "Approved"),
            new("Helen Okoro", "helen.okoro@example.com", null, -1, 240,
                "From two doors down: I can confirm the sweetcorn has reached the corridor. Welcome to the club – my cells went back in on Thursday.", "Approved"),
            new("Ben Carter", "ben.carter@example.com", null, -1, 1500,
                "Happy stem cell birthday from a stranger in Bristol. My wife has relapsing MS and we've been reading along since your work-up post.\nWishing you a quiet, boring fortnight.", "Pending"),
        ],

        // 5: Day +3, fever
        [
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 120,
                "Day +3 fever for me too, almost to the hour. The heavy leg came back with it and frightened me more than the temperature did. It went away again once the fever settled.\nHang in there.", "Approved"),
            new("Callum Brennan", "callum.brennan@example.org", null, -1, 520,
                "Isla's asleep, so a quick update for her: 37.2 tonight and the cultures are still clear. Thank you all for the messages – I'm reading every one of them to her.", "Approved"),
        ],

        // 6: Day +6, nadir and hair
        [
            new("Priya Raman", "priya.raman@example.com", null, -1, 40,
                "For the record, I was on that video call and you were magnificent. Bond villain chic.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 65,
                "Bond villains don't have mouth ulcers. But thank you for staying on.", "Approved"),
            new("Priya Raman", "priya.raman@example.com", null, 1, 90,
                "The best ones do. It's how they stay so grumpy.", "Approved"),
            new("Luke Adeyemi", "luke.adeyemi@example.com", null, -1, 300,
                "The team at work have been following along. We've put a photo of you from the Christmas party on the board – hair and all – with \"back soon\" underneath.\nNo pressure on the soon.", "Approved"),
            new("Crypto Signals Pro", "signals@crypto-moon.example.com", "https://crypto-moon-signals.example.com", -1, 333,
                "Sorry about your hair. Did you know our AI trading bot turns $250 into $12,000 in 30 days? Guaranteed Bitcoin profits, limited places, click the link or message us on WhatsApp!!", "Spam"),
        ],

        // 7: Day +10, engraftment
        [
            new("Helen Okoro", "helen.okoro@example.com", null, -1, 25,
                "Engraftment twins! I went over 0.5 yesterday as well. See you at the exercise bike race.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 0, 50,
                "You're on. The loser eats the hospital custard.", "Approved"),
            new("Gwen Parry", "gwen.parry@example.com", "https://gwen-waits.example.com", -1, 400,
                "I actually cheered out loud at my desk reading this.\nCan I ask – did the numbers suddenly jump, or did you see them creeping up before the 0.5?", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 2, 470,
                "They crept a little: 0.01 on Day +6, 0.12 on Day +7, then the 0.52. The nurses said the creeping is often the first sign.", "Approved"),
            new("Ann Brennan", "ann.brennan@example.org", null, -1, 600,
                "Neutrophils! I've never been so excited about a word I can't spell. Love you.", "Approved"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 900,
                "Welcome to the neutrophil club. From here the progress is slower, but a lot more fun.", "Approved"),
        ],

        // 8: Day +15, discharge
        [],

        // 9: Day +45, fatigue
        [
            new("Tomasz Wójcik", "tomasz.wojcik@example.com", null, -1, 200,
                "I'm at Day +30 after Cy/ATG and this is exactly it – standing in the kitchen not knowing if I made the tea. I thought something was wrong with me. Thank you for writing it down.", "Pending"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 350,
                "Day +45 to about Day +70 were my flattest weeks. After that it lifted in steps, not a slope. Your postbox walk sounds like a very good day to me.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 1, 420,
                "Steps, not a slope – I'll hold on to that. Some days it feels like I'm going backwards.", "Approved"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", 2, 505,
                "Me too, every time. Then I looked back over a month of notes and it was clearly going up. Keep the notes.", "Approved"),
        ],

        // 10: Day +100, first review
        [],

        // 11: Day +180, six-month review
        [
            new("Ann Brennan", "ann.brennan@example.org", null, -1, 20,
                "I've read this ten times and cried every time. Your dad would have walked that canal with you.", "Approved"),
            new("Sander de Vries", "sander.devries@example.org", "https://sander-after-hsct.example.org", -1, 180,
                "EDSS 3.0 and a quiet MRI! This is the post I hoped you'd get to write. Enjoy the canal.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 1, 260,
                "Thank you, Sander. Your comments got me through the flat weeks more than you know.", "Approved"),
            new("Gwen Parry", "gwen.parry@example.com", "https://gwen-waits.example.com", -1, 700,
                "My mobilisation starts in three weeks and I'm printing this out to take with me.\nThank you for being honest about the hard bits as well as this one.", "Approved"),
            new("Isla Brennan", "isla.brennan@example.org", null, 3, 760,
                "Gwen, you'll be brilliant. I'll be reading yours.", "Approved"),
            new("Rachel Imrie", "r.imrie@example.org", "https://walking-with-ms.example.org", -1, 4300,
                "Hello Isla, I'm a physiotherapist and I run a small walking group for people with MS. Would you be open to talking to them one evening about your experience? No pressure at all.", "Pending"),
        ],
    ];

    public const string PrivateOwnerName = "Callum Brennan";
    public const string PrivateJournalTitle = "Callum's notebook (private)";

    public static readonly DemoPost[] PrivatePosts =
    [
        new(
            "The night before admission",
            "Notes",
            -7,
            ["carer", "admission"],
            """
            Isla's asleep. I'm at the kitchen table with the ward's list and a second list of my own.

            **Done**

            - Freezer full: soup, lasagne, the fish pie Alfie will actually eat
            - School-run rota sorted with Priya and Ann
            - Work know I'm on carer's leave from Monday
            - Spare car seat moved to Ann's car

            **Still to do**

            - Ask the ward how late I can stay in the evenings
            - Buy the thermometer they recommended for after discharge
            - Learn to flush the line properly (a nurse is showing me on Day −3)

            What I haven't said to her: I'm scared of the ATG part. I've read too much. I'm going to stop reading.

            > Your job is to be boring and reliable. She'll do the hard part.

            The nurse said that to me on the phone, and I'm holding on to it.
            """),

        new(
            "Fever night, from the other end of the phone",
            "Isolation & Engraftment",
            4,
            ["carer", "fever"],
            """
            The phone went at 2:40 a.m. on Day +3. Isla on video, calm voice, shaking hands: 38.4. By the time I'd found my shoes the nurse had already messaged to say the antibiotics were running.

            Things to remember for next time:

            - The ward answers faster than the switchboard. Number saved as **WARD 7 – CALL THIS ONE**
            - Isla wants me to send family updates *for* her, not pass their questions *to* her
            - After a fever she goes flat and quiet, not weepy. Don't mistake it for giving up

            Counts today: neutrophils 0.05, platelets 22, Hb 8.9. I wrote them on the kitchen calendar so Alfie can "see Mum's numbers". He's drawn an arrow pointing up under each one, for luck.

            Slept four hours. Fine.
            """),

        new(
            "First night home",
            "Recovery",
            16,
            ["carer", "home"],
            """
            She's home. Evening temperature at 8 p.m.: 36.9 °C. Written in the log, and the log is on the fridge.

            **The next month**

            - Temperature every evening; 37.5 or above means ring the ward, no debating
            - Pill organiser filled on Sunday nights
            - Bloods Tuesday and Friday – I drive
            - Masks by the front door, hand gel in every room
            - Nobody visits with a cold. Not even Ann. *Especially* not Ann

            She fell asleep mid-sentence at half four, telling me about a nurse called Sam. Alfie has put his banner back up in our room.

            I cried in the car after dropping the prescriptions off. First time in three weeks. Good tears, mostly.
            """),
    ];
}
