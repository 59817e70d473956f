"""AppTest: the start page, the overview and the association's evening (steps 1-3)."""

from __future__ import annotations

from datetime import date, timedelta
from urllib.parse import unquote

import pytest
from streamlit.testing.v1 import AppTest

from partnership.i18n import t
from partnership.model import CandidateStatus, Role, TaskKind, TaskStatus
from partnership.steps import MAX_TEXT
from partnership.store.postgres import PostgresStore
from tests.app.conftest import SQL, MakeApp, copy_buttons, no_errors, texts


def new_project(store: PostgresStore) -> dict[str, str]:
    return store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")[1]


# -- start page ---------------------------------------------------------------------------


def test_start_page_creates_a_partnership_and_goes_inside_with_its_links(app: MakeApp, store: PostgresStore) -> None:
    at = app()
    no_errors(at)
    at.text_input(key="start_org").input("Boldklubben Øst")
    at.text_input(key="start_name").input("Anna")
    at.text_input(key="start_title").input("Lektiecafé")
    at.button[0].click()  # the form's Opret
    at.run()
    no_errors(at)
    assert at.title[0].value == "Lektiecafé"  # inside, on the overview
    token = at.query_params["k"]
    token = token[0] if isinstance(token, list) else token
    owner = store.open(token)
    assert owner.role is Role.OWNER
    assert store.snapshot(owner).project.our_org == "Boldklubben Øst"
    links = [c.value for c in at.text if "?k=" in c.value]
    assert [link.split("?k=")[1] for link in links] == [token, store.links(owner)[Role.PARTNER]]
    assert "Linket er nøglen" in texts(at)
    assert "n" not in at.query_params


def test_start_page_names_the_missing_fields(app: MakeApp, store: PostgresStore) -> None:
    at = app()
    at.text_input(key="start_org").input("Boldklubben Øst")
    at.button[0].click().run()
    assert "Dit navn" in at.error[0].value and "Arbejdstitel" in at.error[0].value


def test_opening_by_pasted_link_goes_to_the_overview(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app()
    at.text_input(key="start_link").input(f"https://example.org/?k={tokens['owner']}")
    at.button[1].click().run()
    no_errors(at)
    assert at.title[0].value == "Lektiecafé"


@pytest.mark.parametrize("pasted", ["nonsense", "https://example.org/?k=" + "A" * 43])
def test_a_bad_pasted_link_gets_a_clear_message(app: MakeApp, store: PostgresStore, pasted: str) -> None:
    at = app()
    at.text_input(key="start_link").input(pasted)
    at.button[1].click().run()
    assert not at.exception
    assert "Linket virker ikke" in at.error[0].value


def test_an_unknown_link_in_the_url_shows_a_clear_page_and_no_data(app: MakeApp, store: PostgresStore) -> None:
    new_project(store)
    at = app(token="B" * 43, page="overview")
    assert not at.exception
    assert "Linket virker ikke" in texts(at)
    assert "Lektiecafé" not in texts(at)


def test_the_example_opens_filled_in(app: MakeApp) -> None:
    at = app()
    at.button(key="start_example").click().run()
    no_errors(at)
    assert at.title[0].value == "Lektiecafé på biblioteket"


def test_language_switch_to_english(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step1")
    assert at.title[0].value.startswith("Trin 1")
    at.sidebar.get("button_group")[0].set_value("en").run()
    no_errors(at)
    assert at.title[0].value.startswith("Step 1")
    assert at.query_params["lang"] == "en"


# -- overview -----------------------------------------------------------------------------


def test_overview_shows_progress_meetings_and_next_actions(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="overview")
    no_errors(at)
    page = texts(at)
    assert "Møde 1" in page and "Møde 2" in page
    assert len(at.get("progress")) == 5
    assert "Trin 1: Hvordan passer et partnerskab" in "\n".join(str(p.proto.label) for p in
                                                                at.get("page_link"))


def test_partner_overview_shows_the_invitation_and_only_joint_steps(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "Lektiehjælp for børn", 0, "Anna")
    store.set_field(owner, "s1_our_offer", "HEMMELIGT TILBUD", 0, "Anna")
    store.add_candidate(owner, "Hemmelig Kandidat", "Anna")
    at = app(token=tokens["partner"], name="Ole", page="overview")
    no_errors(at)
    page = texts(at)
    assert "Lektiehjælp for børn" in page
    assert "HEMMELIGT" not in page and "Hemmelig Kandidat" not in page
    assert len(at.get("progress")) == 2


def test_partner_deep_link_to_an_internal_step_is_refused(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_vision_fit", "HEMMELIG VISION", 0, "Anna")
    at = app(token=tokens["partner"], name="Ole", page="step1")
    assert not at.exception
    assert "kan ikke åbnes med partnerens link" in texts(at)
    assert "HEMMELIG" not in texts(at)


# -- step 1 -------------------------------------------------------------------------------


def edit_field(at: AppTest, key: str, text: str) -> AppTest:
    """Open the field's inline editor, type, and save - as a person would."""
    at.button(key=f"fe_{key}_edit").click().run()
    at.text_area(key=f"fe_{key}_text").input(text)
    at.button(key=f"fe_{key}_save").click().run()
    return at


def test_step1_saves_each_field_and_shows_who_wrote_it(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step1")
    no_errors(at)
    for key in ("s1_vision_fit", "s1_partner_help", "s1_our_offer", "s1_idea"):
        edit_field(at, key, f"Tekst til {key} ÆØÅ")
        no_errors(at)
    snap = store.snapshot(store.open(tokens["owner"]))
    assert snap.field("s1_idea").value == "Tekst til s1_idea ÆØÅ"
    assert snap.field("s1_idea").updated_by == "Anna"
    assert "Senest ændret af Anna" in texts(at)


def test_step1_examples_are_on_demand(app: MakeApp, store: PostgresStore) -> None:
    at = app(token=new_project(store)["owner"], page="step1")
    assert len(at.expander) == 4


def test_an_empty_save_is_refused_with_a_message(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step1")
    edit_field(at, "s1_idea", "   ")
    assert "Feltet er tomt" in at.error[0].value
    assert store.snapshot(store.open(tokens["owner"])).field("s1_idea").version == 0


def test_an_over_long_text_is_refused_with_a_message(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step1")
    at.button(key="fe_s1_idea_edit").click().run()
    at.text_area(key="fe_s1_idea_text").input("x" * (MAX_TEXT + 1))  # e.g. a long paste
    at.button(key="fe_s1_idea_save").click().run()
    assert not at.exception
    assert "for lang" in at.error[0].value
    assert store.snapshot(store.open(tokens["owner"])).field("s1_idea").version == 0


def test_a_stale_save_shows_both_texts_and_keeps_mine_on_request(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    owner = store.open(tokens["owner"])
    at = app(token=tokens["owner"], page="step1")
    at.button(key="fe_s1_idea_edit").click().run()
    at.text_area(key="fe_s1_idea_text").input("Min idé")
    store.set_field(owner, "s1_idea", "Bos idé", 0, "Bo")  # someone else saves first
    at.button(key="fe_s1_idea_save").click().run()
    no_errors(at)
    shown = [t.value for t in at.text]  # read-only cards in full contrast (ui/conflict.py)
    assert "Min idé" in shown and "Bos idé" in shown
    assert "Bo gemte en anden udgave" in texts(at)
    at.button(key="fe_s1_idea_keep").click().run()
    fv = store.snapshot(owner).field("s1_idea")
    assert (fv.value, fv.version) == ("Min idé", 2)


def test_a_conflict_can_be_merged(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    owner = store.open(tokens["owner"])
    at = app(token=tokens["owner"], page="step1")
    at.button(key="fe_s1_idea_edit").click().run()
    at.text_area(key="fe_s1_idea_text").input("Min idé")
    store.set_field(owner, "s1_idea", "Bos idé", 0, "Bo")
    at.button(key="fe_s1_idea_save").click().run()
    at.button(key="fe_s1_idea_merge").click().run()
    assert at.text_area(key="fe_s1_idea_text").value == "Bos idé\n\nMin idé"
    at.button(key="fe_s1_idea_save").click().run()
    assert store.snapshot(owner).field("s1_idea").value == "Bos idé\n\nMin idé"


def test_writing_needs_a_name_and_the_prompt_asks_for_it(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], name=None, page="step1")
    assert at.text_input(key="who_name") is not None
    edit_field(at, "s1_idea", "Idé")
    assert "Skriv dit navn" in at.error[0].value
    at.text_input(key="who_name").input("Karim").run()
    at.button(key="fe_s1_idea_save").click().run()
    assert store.snapshot(store.open(tokens["owner"])).field("s1_idea").updated_by == "Karim"
    assert "n" not in at.query_params  # the name stays in this browser, never in the URL


# -- step 2 -------------------------------------------------------------------------------


def add_candidate(at: AppTest, name: str) -> AppTest:
    at.text_input(key="s2_new").input(name)
    at.button[[b.label for b in at.button].index("Tilføj")].click().run()
    return at


def test_step2_records_suggestions_in_order_and_refuses_duplicates(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step2")
    for name in ("Biblioteket", "Skolen", "Ældresagen"):
        add_candidate(at, name)
        no_errors(at)
    add_candidate(at, "biblioteket")
    assert "står allerede på listen" in at.error[0].value
    cands = store.snapshot(store.open(tokens["owner"])).candidates
    assert [c.name for c in cands] == ["Biblioteket", "Skolen", "Ældresagen"]


def test_step2_timer_starts_and_stops(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step2")
    assert at.button(key="s2_timer_start").label == "Start 3 minutter"
    at.button(key="s2_timer_start").click().run()
    assert "tilbage" in at.get("progress")[0].proto.text
    owner = store.open(tokens["owner"])
    assert store.snapshot(owner).timer.running  # stored with the project, not in this tab
    at.button(key="s2_timer_stop").click().run()
    stopped = store.snapshot(owner).timer
    assert not stopped.running and 0 < stopped.left_ms <= 180_000
    assert at.button(key="s2_timer_start").label == "Fortsæt" and at.button(key="s2_timer_reset")
    at.button(key="s2_timer_reset").click().run()
    assert store.snapshot(owner).timer.left_ms == 180_000
    assert [e.entity for e in store.history(owner)][:3] == ["timer", "timer", "timer"]


def test_step2_timer_survives_a_reload_and_shows_on_a_members_screen(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    store.timer(store.open(tokens["owner"]), "start", 0, "Anna")
    for token in (tokens["owner"], tokens["member"]):  # a new session: a reload or another phone
        at = app(token=token, name="Mads", page="step2")
        no_errors(at)
        text = at.get("progress")[0].proto.text
        assert text in ("3:00 tilbage", "2:59 tilbage", "2:58 tilbage"), text
        assert at.button(key="s2_timer_stop")


def test_step2_timer_pressed_on_an_old_view_is_told_not_applied(app: MakeApp, store: PostgresStore) -> None:
    tokens = new_project(store)
    at = app(token=tokens["owner"], page="step2")
    store.timer(store.open(tokens["member"]), "start", 0, "Mads")  # another screen was quicker
    at.button(key="s2_timer_start").click().run()
    assert "ændret på en anden skærm" in texts(at)
    timer = store.snapshot(store.open(tokens["owner"])).timer
    assert timer.version == 1 and timer.updated_by == "Mads"


def test_step2_timer_offers_to_start_again_not_to_stop_once_time_is_up(
    app: MakeApp, store: PostgresStore, sql: SQL
) -> None:
    tokens = new_project(store)
    store.timer(store.open(tokens["owner"]), "start", 0, "Anna")
    sql("update partnership_private.projects set timer_started_at = timer_started_at - interval '181 s'")
    at = app(token=tokens["owner"], page="step2")
    assert "Tiden er gået" in at.success[0].value
    labels = {b.key: b.label for b in at.button}
    assert "s2_timer_stop" not in labels and labels["s2_timer_again"] == "Start forfra"
    at.button(key="s2_timer_again").click().run()
    assert "tilbage" in at.get("progress")[0].proto.text


def test_step2_says_when_a_priority_pushes_another_out_of_the_top_three(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    a = store.add_candidate(owner, "Biblioteket", "Anna")
    b = store.add_candidate(owner, "Skolen", "Anna")
    store.update_candidate(owner, a.id, {"priority": 1}, 1, "Anna")
    at = app(token=tokens["owner"], page="step2")
    k = f"re_cand_{b.id}"
    at.button(key=f"{k}_edit").click().run()
    assert not at.warning
    at.button_group(key=f"{k}_priority").set_value(1).run()
    assert "»Biblioteket« har prioritet 1 nu" in at.warning[0].value
    assert "ryger ud af de tre bedste" in at.warning[0].value


def test_step2_assess_prioritise_and_set_aside(app: MakeApp, store: PostgresStore) -> None:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    a = store.add_candidate(owner, "Biblioteket", "Anna")
    b = store.add_candidate(owner, "Skolen", "Anna")
    at = app(token=tokens["owner"], page="step2")
    k = f"re_cand_{a.id}"
    at.button(key=f"{k}_edit").click().run()
    for score, value in (("resources", 5), ("competences", 4), ("values", 5), ("fit", 3)):
        at.button_group(key=f"{k}_{score}").set_value(value)
    at.text_area(key=f"{k}_note").input("Har lokaler")
    at.button_group(key=f"{k}_priority").set_value(1)
    at.button(key=f"{k}_save").click().run()
    no_errors(at)
    kb = f"re_cand_{b.id}"
    at.button(key=f"{kb}_edit").click().run()
    at.selectbox(key=f"{kb}_status").set_value("set_aside")
    at.button(key=f"{kb}_save").click().run()
    cands = {c.name: c for c in store.snapshot(owner).candidates}
    assert (cands["Biblioteket"].score, cands["Biblioteket"].priority) == (17, 1)
    assert cands["Skolen"].status is CandidateStatus.SET_ASIDE
    page = texts(at)
    assert "**1.** Biblioteket" in page
    assert "~~2. Skolen~~" in page  # set aside, still in the list


# -- step 3 -------------------------------------------------------------------------------


def prepared(store: PostgresStore) -> tuple[dict[str, str], list[str]]:
    owner, tokens = store.create_project("Lektiecafé", "Boldklubben Øst", "Anna")
    store.set_field(owner, "s1_idea", "En lektiecafé", 0, "Anna")
    store.set_field(owner, "s1_our_offer", "Frivillige", 0, "Anna")
    ids = []
    for prio, name in enumerate(("Biblioteket", "Skolen", "Ældresagen"), start=1):
        cand = store.add_candidate(owner, name, "Anna")
        store.update_candidate(owner, cand.id, {"priority": prio}, 1, "Anna")
        ids.append(cand.id)
    return tokens, ids


def test_step3_drafts_the_email_from_step1_and_the_chosen_candidate(app: MakeApp, store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    at = app(token=tokens["owner"], page="step3")
    no_errors(at)
    assert "Vi kontakter: Biblioteket" in texts(at)
    at.button(key="s3_draft").click().run()
    draft = at.text_area(key="fe_s3_email_text").value
    assert "Kære Biblioteket" in draft and "En lektiecafé" in draft and "Frivillige" in draft
    assert "30 minutter" in draft
    at.button(key="fe_s3_email_save").click().run()
    no_errors(at)
    assert copy_buttons(at)["Kopiér mailen"] == store.snapshot(store.open(tokens["owner"])).field("s3_email").value
    assert copy_buttons(at)["Kopiér mailen"].startswith("Kære Biblioteket")
    assert any(b.proto.url.startswith("mailto:?subject=") for b in at.get("link_button"))


def test_step3_people_for_the_first_meeting(app: MakeApp, store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    at = app(token=tokens["owner"], page="step3")
    for name in ("Eva", "Karim"):
        at.text_input(key="s3_p_name").input(name)
        at.button[[b.label for b in at.button].index("Tilføj person")].click().run()
        no_errors(at)
    people = store.snapshot(store.open(tokens["owner"])).people
    assert sorted(p.name for p in people if p.first_meeting) == ["Eva", "Karim"]


def test_step3_a_contact_is_kept_only_with_consent_and_the_person_stays_inside(app: MakeApp,
                                                                               store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    at = app(token=tokens["owner"], page="step3")
    at.text_input(key="s3_p_name").input("Eva")
    at.text_input(key="s3_p_contact").input("eva@example.org")
    add = [b.label for b in at.button].index("Tilføj person")
    at.button[add].click().run()
    assert t("err.consent_required", "da") in [e.value for e in at.error]
    assert at.text_input(key="s3_p_contact").value == "eva@example.org"  # kept for the next try
    assert store.snapshot(store.open(tokens["owner"])).people == []
    at.checkbox(key="s3_p_consent").check()
    at.button[add].click().run()
    no_errors(at)
    [eva] = store.snapshot(store.open(tokens["owner"])).people
    assert (eva.contact, eva.shared) == ("eva@example.org", False)
    assert store.snapshot(store.open(tokens["partner"])).people == []  # step 3's people stay inside
    partner = app(token=tokens["partner"], name="Ole", page="step4")
    assert "Eva" not in texts(partner) and "eva@example.org" not in texts(partner)


def test_step3_follow_up_date_becomes_an_internal_task_and_the_past_is_refused(
    app: MakeApp, store: PostgresStore
) -> None:
    tokens, _ = prepared(store)
    owner = store.open(tokens["owner"])
    anna = store.add_person(owner, {"name": "Anna Holm", "side": "association"}, "Anna")
    at = app(token=tokens["owner"], page="step3")
    assert at.text_input(key="s3_fu_date").value == f"{date.today() + timedelta(days=7):%d.%m.%Y}"  # a week on
    at.selectbox(key="s3_fu_who").set_value(anna.id)
    at.text_input(key="s3_fu_date").input(f"{date.today() - timedelta(days=1):%d.%m.%Y}")
    at.button[[b.label for b in at.button].index("Gem opfølgning")].click().run()
    assert "fortiden" in at.error[0].value
    assert store.snapshot(owner).tasks == []
    at.text_input(key="s3_fu_date").input(f"{date.today() + timedelta(days=5):%d%m%Y}")
    at.button[[b.label for b in at.button].index("Gem opfølgning")].click().run()
    no_errors(at)
    (task,) = store.snapshot(owner).tasks
    assert (task.kind, task.internal, task.due, task.responsible) == (
        TaskKind.FOLLOW_UP, True, date.today() + timedelta(days=5), anna.id)


def test_step3_a_refusal_promotes_the_next_and_redrafts_the_email(app: MakeApp, store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    owner = store.open(tokens["owner"])
    at = app(token=tokens["owner"], page="step3")
    at.button(key="s3_no").click().run()
    no_errors(at)
    snap = store.snapshot(owner)
    cands = {c.name: c for c in snap.candidates}
    assert cands["Biblioteket"].status is CandidateStatus.REFUSED
    assert cands["Skolen"].priority == 1
    assert snap.field("s3_email").value.startswith("Kære Skolen")
    assert "Vi kontakter: Skolen" in texts(at)
    assert "Vælg en ny opfølgningsdato" in texts(at)


def test_step3_a_yes_makes_them_the_partner(app: MakeApp, store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    at = app(token=tokens["owner"], page="step3")
    at.button(key="s3_yes").click().run()
    no_errors(at)
    assert store.snapshot(store.open(tokens["owner"])).project.partner_org == "Biblioteket"
    # Right after the yes: the partner's link, and an invitation with the link and the idea.
    partner_link = next(c.value for c in at.text if "?k=" in c.value)
    assert store.open(partner_link.split("?k=")[1]).role is Role.PARTNER
    assert partner_link.split("?k=")[1] == store.links(store.open(tokens["owner"]))[Role.PARTNER]
    invitation = next(c.value for c in at.text if c.value.startswith("Kære Biblioteket"))
    assert copy_buttons(at)["Kopiér invitationen"] == invitation
    assert partner_link in invitation
    idea = store.snapshot(store.open(tokens["owner"])).field("s1_idea").value
    assert not idea or idea in invitation
    mailto = next(b.url for b in at.get("link_button") if b.url.startswith("mailto:") and "Velkommen" in
                  unquote(b.url))
    assert "subject=" in mailto and partner_link in unquote(mailto)
    store.open(store.links(store.open(tokens["owner"]))[Role.PARTNER] or "")  # showing revoked nothing


def _follow_up(store: PostgresStore, token: str) -> str:
    """An open internal follow-up, as the page's form makes it; its id."""
    owner = store.open(token)
    caller = store.add_person(owner, {"name": "Bo", "side": "association"}, "Anna")
    return store.add_task(owner, {"title": "Følg op på Biblioteket", "kind": "follow_up", "internal": True,
                                  "side": "association", "responsible": caller.id}, "Anna").id


def _status(store: PostgresStore, token: str, task_id: str) -> TaskStatus:
    return next(t.status for t in store.snapshot(store.open(token)).tasks if t.id == task_id)


@pytest.mark.parametrize(("button", "partner"), [("s3_yes", "Biblioteket"), ("s3_no", "")])
def test_step3_the_answer_closes_the_open_follow_up(app: MakeApp, store: PostgresStore, button: str,
                                                    partner: str) -> None:
    tokens, _ = prepared(store)
    task_id = _follow_up(store, tokens["owner"])
    at = app(token=tokens["owner"], page="step3")
    at.button(key=button).click().run()
    no_errors(at)
    assert store.snapshot(store.open(tokens["owner"])).project.partner_org == partner
    assert _status(store, tokens["owner"], task_id) is TaskStatus.DONE


def test_step3_a_yes_on_a_page_gone_stale_saves_nothing_and_says_so(app: MakeApp, store: PostgresStore) -> None:
    tokens, _ = prepared(store)
    owner = store.open(tokens["owner"])
    task_id = _follow_up(store, tokens["owner"])
    at = app(token=tokens["owner"], page="step3")
    store.update_project(owner, {"website": "https://klub.dk"}, 1, "Bo")  # someone else, meanwhile
    at.button(key="s3_yes").click().run()
    assert not at.exception
    assert at.error and "gemt imens" in at.error[0].value
    assert store.snapshot(owner).project.partner_org == ""
    assert _status(store, tokens["owner"], task_id) is TaskStatus.PLANNED


@pytest.mark.parametrize("page", ["overview", "step1", "step2", "step3", "step4", "step5", "timeline", "history",
                                  "settings"])
@pytest.mark.parametrize("role", ["owner", "partner", "viewer"])
def test_every_page_runs_for_every_role_on_the_example(app: MakeApp, store: PostgresStore, page: str,
                                                       role: str) -> None:
    from partnership.demo import create_demo

    _, tokens = create_demo(store)
    at = app(token=tokens[role], page=page, lang="en" if role == "viewer" else None)
    no_errors(at)
