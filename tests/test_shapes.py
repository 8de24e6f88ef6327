"""One real sentence per quotation shape, through the real spaCy pipeline and component."""


def one(records, words):
    found = sorted((r for r in records if words in r["text"]), key=lambda r: len(r["text"]))
    assert found, f"no quotation containing {words!r} in {[r['text'] for r in records]}"
    return found[0]


def speaker(record):
    return record["speaker"]["name"] if record["speaker"] else None


def test_direct_with_cue_after(extract):
    r = one(extract("“The vote was fair,” Senator Jane Holt said on Tuesday."), "The vote was fair")
    assert (r["kind"], speaker(r), r["cue"], r["speaker"]["role"]) == ("direct", "Jane Holt", "said", "Senator")


def test_direct_with_inverted_cue_after(extract):
    r = one(extract("“We will appeal the ruling,” said Carlos Mendes, a lawyer for the union."), "We will appeal")
    assert (speaker(r), r["cue"]) == ("Carlos Mendes", "said")
    assert r["speaker"]["role"] == "lawyer for the union"


def test_direct_introduced_by_colon(extract):
    r = one(extract("The minister, Paul Okoro, told parliament: “Nobody will lose their pension.”"),
            "Nobody will lose their pension")
    assert (speaker(r), r["cue"], r["addressee"]) == ("Paul Okoro", "told", "parliament")


def test_split_quotation_is_one_attribution(extract):
    records = extract("“The plan is dead,” Mayor Lena Fischer told reporters, “and we have to start again.”")
    assert len(records) == 1
    r = records[0]
    assert speaker(r) == "Lena Fischer" and r["kind"] == "direct"
    assert "The plan is dead" in r["text"] and "start again" in r["text"]
    assert [p["start"] for p in r["parts"]][0] == r["start"] and r["parts"][-1]["end"] == r["end"]


def test_split_quotation_around_a_long_description_of_the_speaker(extract):
    records = extract('"If they start doing it now, I think they\'re on time," said Federico de Jesus, a Democratic '
                      'strategist who was the Hispanic media director for Obama in 2008. "Obviously, we would have '
                      'liked them to do it earlier."')
    assert len(records) == 1
    r = records[0]
    assert (speaker(r), r["cue"], len(r["parts"])) == ("Federico de Jesus", "said", 2)
    assert r["text"].endswith("do it earlier.")


def test_two_quoted_pieces_after_one_cue_are_one_attribution(extract):
    records = extract('Benjamin Netanyahu warned darkly that "the rule of the right is in danger" because "Arab voters '
                      'are coming out in droves to the polls."')
    assert len(records) == 1
    r = records[0]
    assert (speaker(r), r["cue"], len(r["parts"])) == ("Benjamin Netanyahu", "warned", 2)
    assert r["text"].startswith("the rule of the right") and r["text"].endswith("to the polls.")


def test_multi_paragraph_quotation(extract):
    text = ("Union leader Maria Costa spoke after the vote. “We asked for a fair deal,” Costa said, "
            "“and we were told to wait.\n\n“We will not wait any longer.”")
    r = one(extract(text), "We will not wait")
    assert "we were told to wait" in r["text"] and speaker(r) == "Maria Costa"


def test_nested_quotation_stays_inside(extract):
    r = one(extract("“He told me ‘never again’ and left,” Anna Berg said."), "never again")
    assert r["text"] == "He told me ‘never again’ and left" and speaker(r) == "Anna Berg"


def test_guillemets_and_straight_quotes(extract):
    a = one(extract("«We will stay until the very end», the activist Marc Duval said."), "We will stay")
    assert (a["kind"], speaker(a)) == ("direct", "Marc Duval")
    b = one(extract('"We expect a decision next week," Judge Amy Carter said.'), "We expect a decision")
    assert speaker(b) == "Amy Carter"


def test_single_quotation_marks_but_not_apostrophes(extract):
    r = one(extract("‘We don’t negotiate with anyone’s deadline,’ the spokesman, Omar Haddad, said."),
            "We don’t negotiate")
    assert r["text"] == "We don’t negotiate with anyone’s deadline" and speaker(r) == "Omar Haddad"


def test_mixed_quotation_in_reported_speech(extract):
    r = one(extract("Governor Tom Reyes said the budget was “a disaster in slow motion” for rural schools."),
            "a disaster in slow motion")
    assert (r["kind"], speaker(r), r["cue"]) == ("mixed", "Tom Reyes", "said")
    assert r["text"].startswith("the budget was")


def test_indirect_speech_verb_with_that(extract):
    r = one(extract("Finance Minister Karin Lund announced that taxes on fuel will rise in March."),
            "taxes on fuel will rise")
    assert (r["kind"], speaker(r), r["cue"], r["speaker"]["role"]) == (
        "indirect", "Karin Lund", "announced", "Finance Minister")


def test_that_clause_after_an_intervening_phrase(extract):
    # the parser hangs this that-clause as advcl of "tweeted", not ccomp
    r = one(extract("Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and "
                    "encouraged Americans to “check out” her non-existent sex tape."), "Machado was")
    assert (r["kind"], speaker(r), r["cue"]) == ("mixed", "Trump", "tweeted")
    assert r["text"].startswith("Machado was “disgusting” and “a con”")


def test_manner_of_speaking_verbs_cue_direct_quotations(extract):
    records = extract("The Fox News host Sean Hannity interjected: “So you’re saying there will be "
                      "some flexibility?”\n\n“Go back to Univision,” Donald Trump barked at the reporter.")
    first, second = one(records, "some flexibility"), one(records, "Go back to Univision")
    assert (speaker(first), first["cue"]) == ("Sean Hannity", "interjected")
    assert (speaker(second), second["cue"]) == ("Donald Trump", "barked")


def test_indirect_without_that_and_present_tense(extract):
    r = one(extract("The analyst David Moore says the talks remain tense."), "the talks remain tense")
    assert (speaker(r), r["cue"]) == ("David Moore", "says")


def test_inverted_cue_at_sentence_end(extract):
    r = one(extract("The bridge will reopen in May, city engineer Rosa Klein has said."),
            "The bridge will reopen in May")
    assert (r["kind"], speaker(r)) == ("indirect", "Rosa Klein")


def test_parenthetical_cue(extract):
    r = one(extract("Lena Park is an economist. The deal, Park argues, is a gift to exporters."),
            "is a gift to exporters")
    assert (speaker(r), r["cue"], r["rule"].split("/")[0]) == ("Lena Park", "argues", "parenthetical-cue")


def test_according_to(extract):
    r = one(extract("Prices fell by a third last year, according to Hugo Brandt, chief economist at Norbank."),
            "Prices fell by a third")
    assert (speaker(r), r["cue"]) == ("Hugo Brandt", "according to")
    assert r["speaker"]["role"] == "chief economist at Norbank"


def test_told_addressee(extract):
    r = one(extract("Coach Ben Alvarez told the players that the season was not over."), "the season was not over")
    assert (speaker(r), r["cue"], r["addressee"]) == ("Ben Alvarez", "told", "the players")


def test_organisation_and_country_speakers(extract):
    records = extract("The World Health Organization said the outbreak was contained. Israel says no deal is possible.")
    who = one(records, "the outbreak was contained")
    assert who["speaker"]["kind"] == "organization" and speaker(who) == "World Health Organization"
    israel = one(records, "no deal is possible")
    assert speaker(israel) == "Israel" and israel["speaker"]["kind"] == "place"


def test_pronoun_resolves_by_gender(extract):
    text = ("Maria Lopez met Pedro Alves in Lisbon. Pedro Alves said the meeting went well.\n\n"
            "“We found common ground,” she said.")
    r = one(extract(text), "We found common ground")
    assert speaker(r) == "Maria Lopez" and r["speaker"]["mention"] == "she"


def test_surname_and_pronoun_resolve_to_full_name(extract):
    text = ("Foreign Ministry spokesperson Maria Zakharova spoke on Friday.\n\n"
            "Zakharova said the proposal was welcome. “It is a first step,” she noted.")
    records = extract(text)
    assert {speaker(r) for r in records} == {"Maria Zakharova"}
    assert all(r["speaker"]["role"] == "Foreign Ministry spokesperson" for r in records)


def test_continuation_of_previous_speaker(extract):
    text = "“We are ready,” said coach Ines Moreau.\n\n“The team has trained for months for this final.”"
    r = one(extract(text), "The team has trained")
    assert (speaker(r), r["rule"]) == ("Ines Moreau", "continuation")


def test_possessive_role_and_affiliation(extract):
    r = one(extract("Reuters’ chief correspondent, Sam Wells, said the border had closed."), "the border had closed")
    assert speaker(r) == "Sam Wells"
    assert r["speaker"]["role"] == "chief correspondent" and r["speaker"]["affiliation"] == "Reuters"


def test_scare_quotes_are_not_speech(extract):
    assert extract("The so-called “peace” plan was published on a Tuesday in the capital.") == []


def test_headlines_and_banner_are_not_speech(extract):
    text = ("We use cookies. By using this site you accept our Privacy Policy.\n\n"
            "Minister: ‘We will win this fight’\n\n"
            "The minister spoke to students in Leeds on Monday about the new schools programme.")
    assert extract(text) == []


def test_unknown_speaker_is_null_not_a_guess(extract):
    r = one(extract("“This is the moment everything changes for the whole region and its people.”"), "This is the moment")
    assert r["speaker"] is None and r["rule"] == "unattributed"


def test_transcript_speaker_labels(extract):
    text = ("Governor Mike Pence spoke to Chris Wallace.\n\n"
            "WALLACE: Will you be at the debate tomorrow night?\n\n"
            "PENCE: Of course I will be there with my running mate.")
    records = extract(text)
    pence = one(records, "Of course I will be there")
    assert speaker(pence) == "Mike Pence" and pence["rule"] == "speaker-label"
    assert speaker(one(records, "Will you be at the debate")) == "Chris Wallace"


def test_offsets_slice_the_text(extract):
    text = ("Talks resumed. “We are close,” the mediator said, “but not there yet.” "
            "She added that a deal could come on Friday, according to aides.")
    for r in extract(text):
        assert text[r["start"]:r["end"]] == r["text"]
        if r["speaker"]:
            assert text[r["speaker"]["start"]:r["speaker"]["end"]] == r["speaker"]["mention"]


def test_quotation_after_a_cued_one_continues_it(extract):
    records = extract("“We did our part,” Senator Amy Price said. “Now the House has to do its part.”")
    assert len(records) == 1
    r = records[0]
    assert speaker(r) == "Amy Price" and "Now the House" in r["text"] and len(r["parts"]) == 2


def test_typewriter_double_apostrophe_quotes(extract):
    r = one(extract("''This isn't tax reform,'' said Douglas Hale, an economist. ''It's anti-reform.''"),
            "This isn't tax reform")
    assert speaker(r) == "Douglas Hale" and "It's anti-reform." in r["text"]


def test_dash_signature_after_a_quotation(extract):
    r = one(extract("“He can’t even answer a question without scaring people first.” ― Esther Tapia"),
            "He can’t even answer")
    assert (speaker(r), r["rule"]) == ("Esther Tapia", "dash-signature")


def test_paragraph_opened_with_a_closing_mark(extract):
    r = one(extract("”Fear is what I feel when I watch the debate tonight.” ― Edwin Monroy"), "Fear is what I feel")
    assert speaker(r) == "Edwin Monroy"


def test_subject_through_a_preposition(extract):
    r = one(extract("Dr. Mehmet Oz was criticized for saying that green coffee was a miracle cure."),
            "green coffee was a miracle cure")
    assert speaker(r) == "Mehmet Oz"


def test_told_someone_to_do_something(extract):
    r = one(extract("President Barack Obama told his advisers to find a way to cut emissions without Congress."),
            "his advisers to find a way")
    assert (speaker(r), r["cue"], r["addressee"]) == ("Barack Obama", "told", "his advisers")


def test_quoted_titles_are_not_speech(extract):
    records = extract("Senator Bernie Sanders told MSNBC’s “Morning Joe” that the plan would fail.")
    assert [r["text"] for r in records] == ["the plan would fail"]


def test_pronoun_prefers_the_subject_of_the_previous_sentence(extract):
    text = ("“We will win this vote,” Senator John Miller said.\n\n"
            "Peter Alves criticised the plan on Monday. “It is a fantasy,” he said.")
    r = one(extract(text), "It is a fantasy")
    assert (speaker(r), r["rule"]) == ("Peter Alves", "direct-cue/pronoun-previous-subject")


def test_pronoun_looks_back_over_sentences_since_the_last_quotation(extract):
    text = ("“We will win this vote,” Senator John Miller said.\n\n"
            "Peter Alves criticised the plan on Monday. The plan was published a week ago. "
            "“It is a fantasy,” he said.")
    assert speaker(one(extract(text), "It is a fantasy")) == "Peter Alves"


def test_an_elided_year_is_no_opening_quotation_mark(extract):
    text = ("Rep. Ana Ruiz said in ‘08 that voters had changed. “People are aware of what is happening,” she said. "
            "“It does away with the old excuses. We don’t look back.”")
    r = one(extract(text), "People are aware")
    assert (speaker(r), r["kind"]) == ("Ana Ruiz", "direct")
    assert "It does away with the old excuses" in r["text"] and "in ‘08" not in r["text"]


def test_a_quotation_opening_the_next_sentence_goes_on_with_a_mixed_one(extract):
    text = ("Fiorina was not one for \"engaging her team in a lot of decisions,\" said one former executive "
            "who requested anonymity. \"When she'd come to a decision, she'd made up her mind.\"")
    r = one(extract(text), "engaging her team")
    assert (r["kind"], speaker(r)) == ("mixed", "former executive")
    assert r["text"].endswith("she'd made up her mind.") and len(r["parts"]) == 2


def test_a_second_clause_the_parser_hangs_on_the_speech_verb_is_still_reported(extract):
    text = ("Bernie Sanders said he intends to win every delegate possible, so he'll have enough votes at the "
            "convention to put together the strongest agenda any party has seen.")
    r = one(extract(text), "he intends to win")
    assert speaker(r) == "Bernie Sanders"
    assert r["text"].endswith("the strongest agenda any party has seen")


def test_a_report_does_not_run_on_into_the_next_cue(extract):
    text = "The mayor said the budget was balanced, adding that taxes would not rise."
    r = one(extract(text), "the budget was balanced")
    assert r["text"] == "the budget was balanced"


def test_phrasal_speech_verbs(extract):
    r = one(extract("After Governor Dan Brown criticised her, Senator Ruth Hale shot back, “I chose my profession.”"),
            "I chose my profession")
    assert (speaker(r), r["cue"]) == ("Ruth Hale", "shot back")
    r = one(extract("The senator pointed out that the new tax would hit farmers hardest."), "the new tax would hit")
    assert (speaker(r), r["cue"]) == ("senator", "pointed out")


def test_a_name_the_parser_files_as_a_compound_of_the_cue_is_its_subject(extract):
    text = ('"Look at the statement Mr. Trump put out after the Dallas shootings," Conway notes. '
            '"It was very different in tone."')
    r = one(extract(text), "Look at the statement")
    assert (speaker(r), r["cue"]) == ("Conway", "notes")


def test_a_quantifier_standing_alone_as_subject_speaks_for_a_group(extract):
    text = "The candidates disagreed on schools. Several said they would rather send block grants to the states."
    r = one(extract(text), "they would rather send block grants")
    assert (speaker(r), r["speaker"]["kind"]) == ("Several", "group")


def test_a_statement_saying_is_said_by_who_issued_it(extract):
    text = ('Campaign chair Jessica Mackler issued a statement saying his comment "has absolutely no place in '
            'American democracy."')
    r = one(extract(text), "has absolutely no place")
    assert (speaker(r), r["cue"]) == ("Jessica Mackler", "saying")


def test_an_opening_mark_set_apart_from_its_words(extract):
    text = ("The attendees backed the governor. As the Daily Ledger reported, “ … if the primary were held this "
            "evening, the governor would win, and handily.”")
    r = one(extract(text), "the governor would win")
    assert (r["kind"], r["cue"]) == ("direct", "reported") and "Ledger" in speaker(r)


def test_any_verb_in_a_bare_clause_after_a_quotation_reports_it(extract):
    text = ("Brad Nolan, a teacher, worried that voters could not see the point. "
            "\"People are afraid of wasting their votes,\" he surmised.\n\n"
            "“Would it be negotiable?” Sean Hannity pressed.")
    records = extract(text)
    r = one(records, "People are afraid")
    assert (speaker(r), r["cue"]) == ("Brad Nolan", "surmised")
    r = one(records, "Would it be negotiable")
    assert (speaker(r), r["cue"]) == ("Sean Hannity", "pressed")


def test_a_verb_of_thinking_after_a_quotation_reports_no_speech(extract):
    assert not [r for r in extract("\"It is all over now for the team,\" he thought, and walked out.") if r["cue"]]


def test_a_name_or_a_document_right_before_a_colon_speaks(extract):
    text = ("The surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen "
            "the biggest boost in early contests.”\n\n"
            "Not all panels are equal. From the report: “Samples with longer field periods produced more accurate "
            "results.”")
    records = extract(text)
    r = one(records, "Lesser-known candidates")
    assert (speaker(r), r["cue"], r["speaker"]["role"]) == ("Daron Shaw", ":", "Republican pollster")
    assert speaker(one(records, "Samples with longer field periods")) == "report"
    agenda = extract("There were three things on the agenda: “Jobs, jobs and jobs for everyone in this town.”")
    assert one(agenda, "Jobs, jobs and jobs")["speaker"] is None


def test_an_age_in_apposition_is_no_role(extract):
    r = one(extract("Brad Nolan, 39, a teacher from Concord, said voters were afraid of wasting their votes."),
                "voters were afraid")
    assert (speaker(r), r["speaker"]["role"]) == ("Brad Nolan", "teacher from Concord")


def test_of_two_subjects_the_parser_gives_a_verb_the_nearer_is_its_own(extract):
    text = ("Tuesday at Baldwin Wallace University in Berea, OH, after winning Ohio in the Republican primary, "
            "Gov. John Kasich (R-OH), said, “I’m getting ready to rent a covered wagon.”")
    r = one(extract(text), "rent a covered wagon")
    assert (speaker(r), r["speaker"]["role"]) == ("John Kasich", "Gov.")


def test_a_speech_noun_with_a_that_clause(extract):
    records = extract("Mayor Bill de Blasio repeated his claim that profit-making was the motive of the companies.")
    r = one(records, "profit-making was the motive")
    assert (speaker(r), r["cue"]) == ("Bill de Blasio", "claim")
    records = extract("Gov. Mike Pence blamed the media for the fuss over Donald Trump’s claim that the president "
                      "had founded the group.")
    assert speaker(one(records, "the president had founded the group")) == "Donald Trump"
    assert not extract("She rejected the suggestion that the company had misled its investors.")


def test_a_noun_for_a_person_next_to_the_cue_when_no_name_is(extract):
    text = ("At a drugstore near the mosque, a cashier was shaken. \"One guy came in and said maybe we should start "
            "killing them,\" said the woman, who like many in town asked not to be named.")
    r = one(extract(text), "One guy came in")
    assert (speaker(r), r["cue"]) == ("woman", "said")


def test_two_short_capitalised_sentences_are_speech_not_a_title(extract):
    text = "He was asked about dangerous places. “Like Oakland. Or Ferguson,” Trump said. “The crime is worse.”"
    r = one(extract(text), "Like Oakland. Or Ferguson")
    assert speaker(r) == "Trump" and r["text"].endswith("The crime is worse.")


def test_a_quotation_that_fills_the_reported_clause_takes_its_cue(extract):
    text = ("Clinton is “the most dishonest candidate for president of the United States since Richard Nixon,” "
            "Mike Pence said during the interview.")
    r = one(extract(text), "the most dishonest candidate")
    assert (r["kind"], speaker(r), r["cue"]) == ("mixed", "Mike Pence", "said")
    assert r["text"].startswith("Clinton is “the most")


def test_a_reporting_clause_after_a_mixed_quotation_reports_its_unquoted_lead_too(extract):
    r = one(extract("Nothing the president said \"will assuage people's fears,\" Senator Marco Rubio said."), "assuage")
    assert (r["kind"], r["text"], speaker(r)) == ("mixed", "Nothing the president said \"will assuage people's fears",
                                                  "Marco Rubio")


def test_straight_and_curly_double_marks_close_each_other(extract):
    text = ("Donald Trump spoke in Manchester. \"You know, we learned a lot about ground games in one week,” he said. "
            "“It is a great state,\" he added.")
    records = extract(text)
    first, second = one(records, "ground games"), one(records, "great state")
    assert first["text"].endswith("in one week") and speaker(first) == "Donald Trump"
    assert second["text"] == "It is a great state" and speaker(second) == "Donald Trump"


def test_the_subject_of_a_clause_ending_in_a_colon_introduces_the_quotation(extract):
    text = ("As if addressing him directly, the Illinois Board of Elections was conclusive in its findings: "
            "“Further discussion on this issue is unnecessary.”")
    r = one(extract(text), "Further discussion")
    assert speaker(r) == "Illinois Board of Elections"
    text = ("When Wallace died in 1998, President Bill Clinton released the following statement:\n\n"
            "“Hillary and I offer our condolences to the family and friends of George Wallace.”")
    assert speaker(one(extract(text), "offer our condolences")) == "Bill Clinton"
    assert speaker(one(extract("The question is simple: “Who pays for the wall when it is built?”"), "Who pays")) is None


def test_a_speech_verb_right_before_the_marks_is_the_cue(extract):
    text = "House Speaker Paul Ryan said “anti-Semitic images have got no place in a presidential campaign.”"
    assert speaker(one(extract(text), "anti-Semitic images")) == "Paul Ryan"


def test_a_quotation_closing_on_a_comma_takes_the_reporting_clause_after_it(extract):
    text = ("Jack Roffman described the emotional impact as \"horrendous. It really affects your mental health,\" "
            "he said.")
    r = one(extract(text), "horrendous")
    assert (speaker(r), r["cue"]) == ("Jack Roffman", "said")


def test_sung_echoed_and_put_it_cue_direct_quotations(extract):
    r = one(extract("In Just the Way You Are, Billy Joel sings, \"Don't go changing to try and please me.\""),
            "Don't go changing")
    assert (speaker(r), r["cue"]) == ("Billy Joel", "sings")
    text = ("But at the time, as anti-terrorist prosecutor Marc Trevidic put it, \"apart from the wrong crowd, "
            "there was not much to complain about.\"")
    assert one(extract(text), "wrong crowd")["cue"] == "put it"
    r = one(extract("Jared Potts echoed:\n\n“He speaks his mind, and I think he is a self-made person.”"), "his mind")
    assert speaker(r) == "Jared Potts"


def test_according_to_after_the_quotation(extract):
    text = ("The watchdog sued in May.\n\n“Last week’s document production also includes material from a "
            "records cache,” according to Judicial Watch.")
    r = one(extract(text), "records cache")
    assert (speaker(r), r["cue"]) == ("Judicial Watch", "according to")


def test_a_relative_pronoun_speaks_for_the_noun_it_hangs_on(extract):
    r = one(extract("Jack Roffman, who estimates that his legal costs were in the seven figures, left."),
            "legal costs")
    assert (r["speaker"]["mention"], speaker(r)) == ("who", "Jack Roffman")


def test_a_quoted_piece_of_a_sentence_is_said_by_its_subject(extract):
    text = ("“We can do more,” Senator Ann Lee said. Mike Huckabee, for his part, is labeling the actions "
            "“a blatant, belligerent abuse of power.”")
    r = one(extract(text), "abuse of power")
    assert (speaker(r), r["cue"]) == ("Mike Huckabee", "labeling")


def test_spaces_between_a_colon_and_the_marks_do_not_hide_the_name(extract):
    r = one(extract("Michael P. McDonald: \u00a0“At long last the 2016 presidential race begins to fade.”"), "At long last")
    assert speaker(r) == "Michael P. McDonald"


def test_a_sentence_that_only_says_someone_spoke_introduces_the_next_quotation(extract):
    text = ("“It is early,” said Craig Robinson, an editor.\n\nIowa State University's Dianne Bystrom agreed. "
            "\"Mainstream Republicans are running out of time to find an alternative.\"")
    r = one(extract(text), "running out of time")
    assert (speaker(r), r["cue"]) == ("Dianne Bystrom", "agreed")


def test_a_dash_and_a_name_alone_in_the_next_paragraph_sign_the_quotation(extract):
    text = ("The senator repeated a claim.\n\n\"[Americans are] worried about the future of their kids, and yet almost "
            "all new income is going to the top 1 percent.\"\n\n- Bernie Sanders.\n\nThe figure is outdated.")
    r = one(extract(text), "worried about the future")
    assert (speaker(r), r["rule"]) == ("Bernie Sanders", "dash-signature")


def test_a_full_stop_closing_a_quotation_keeps_the_next_sentence_cue_away(extract):
    text = ("Jane Sanders spoke to the Post. \"If he's president, he wants to keep this movement going,\" she said. "
            "\"If he's not president, he'll keep it going for more reasons.\" Asked what that might look like, "
            "she said: \"We'll figure that out.\"")
    records = extract(text)
    r = one(records, "he wants to keep this movement going")
    assert "for more reasons" in r["text"] and r["cue"] == "said"


def test_a_name_inside_the_quotation_is_not_the_pronoun_s_antecedent(extract):
    text = ("Richard Viguerie, a conservative activist, spoke on Monday.\n\n"
            "“Cruz is our best debater, our most articulate fighter,” he said.")
    assert speaker(one(extract(text), "best debater")) == "Richard Viguerie"


def test_a_participle_cue_speaks_with_the_sentence_subject(extract):
    text = ("Hillary Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, “Some people get "
            "a little carried away. Have you noticed that?”")
    r = one(extract(text), "carried away")
    assert (speaker(r), r["cue"]) == ("Hillary Clinton", "telling")


def test_a_surname_the_recogniser_missed_is_still_the_pronoun_s_antecedent(extract):
    text = ("Clinton spokesman Brian Fallon expressed his general support for his boss online.\n\n"
            "Fallon fired back: “As a guardian of the @POTUS legacy,” he wrote, “we know you are rooting for her.”")
    r = one(extract(text), "guardian of the")
    assert (r["speaker"]["mention"], speaker(r)) == ("he", "Brian Fallon")


def test_one_capitalised_word_answered_by_a_reporting_clause_is_speech(extract):
    text = ("I was not off to a good start. “Okay,” Dinesh D’Souza said, attempting to regroup. “I was seventeen "
            "years old when I set foot in America.”")
    r = one(extract(text), "Okay")
    assert speaker(r) == "Dinesh D’Souza" and "seventeen years old" in r["text"]
    assert not extract("Appearing on MSNBC’s “Morning Joe,” Trump said nothing new.")


def test_a_cue_before_a_mixed_quotation_reports_the_unquoted_words_between(extract):
    text = ("In the April issue of The Atlantic, President Barack Obama admits the 2011 U.S. military action against "
            "Libya “didn’t work,” and the country has become a failed state.")
    r = one(extract(text), "didn’t work")
    assert (r["kind"], speaker(r), r["cue"]) == ("mixed", "Barack Obama", "admits")
    assert r["text"].startswith("the 2011 U.S. military action")
    r = one(extract("Donald Trump told reporters on Monday, “We will win.”"), "We will win")
    assert (r["kind"], r["text"]) == ("direct", "We will win.")
    r = one(extract("Egypt's President el-Sisi described the talks as “very encouraging” on Monday."), "encouraging")
    assert (r["kind"], r["text"]) == ("direct", "very encouraging")
