"""The overview's "Påmindelser på mail": a person opts in to reminders and notices.

With SMTP set up (``partnership.mail.settings``): the active subscriptions this link may
see, each with a stop button, and a form "Send mig påmindelser" (who, e-mail address,
language). The owner signs up anyone, the partner only its own side's people, the viewer
nobody (the store decides; the form offers only who may be chosen). Without SMTP nothing
is sent: the section offers the calendar file and a ``mailto:`` link with the next
deadlines instead.

Double opt-in: the form's opt-in is pending until the person follows the link of the
confirmation mail sent at once (``reminders_confirm``; the route is ``web.confirm``); a
pending row says so and offers to send the confirmation again. The form may also ask for
the weekly digest.

Widget keys: form ``remind_form`` with ``remind_person``, ``remind_email``,
``remind_lang``, ``remind_digest`` and ``remind_subscribe``; stop buttons
``remind_stop_<person id>``; resend buttons ``remind_resend_<person id>``; links
``remind_ics`` and ``remind_mailto``; flash messages under ``remind``.
"""

from __future__ import annotations

import html
from datetime import UTC, date, datetime, timedelta

import streamlit as st

from partnership import downloads
from partnership.i18n import LANGS, fmt_date, fmt_datetime
from partnership.mail import remind, settings
from partnership.mail.smtp import MailError
from partnership.model import Role, Side, TaskStatus
from partnership.reminders import DEFAULT_DAYS, Subscription, looks_like_email, mailto
from partnership.reminders_confirm import compose, confirm_url
from partnership.store.base import new_token
from partnership.ui import editor, file_links, shell
from partnership.usertext import plain
from partnership.web import remind_job

ss = st.session_state

MAILTO_DAYS = 14
"""The ``mailto:`` fallback lists the deadlines of the next two weeks."""


def mail_on() -> bool:
    """True when this server can send mail (SMTP settings in the environment or secrets)."""
    return settings.configured(shell.secrets())


def section(c: shell.Page) -> None:
    if c.snap.role is Role.VIEWER:
        return
    st.header(c.t("remind.section"))
    if not mail_on():
        _without_mail(c)
        return
    st.markdown(c.t("remind.intro", days=DEFAULT_DAYS))
    editor.show_flash("remind")
    people = [p for p in c.snap.people if c.snap.role is Role.OWNER or p.side is Side.PARTNER]
    if not people:
        st.caption(c.t("remind.no_people"))
        return
    for sub in c.store.mail_subscriptions(c.access):
        _active(c, sub)
    names = {p.id: p.name for p in people}
    with st.form("remind_form", border=True):
        st.selectbox(c.t("remind.person"), options=list(names), key="remind_person",
                     format_func=lambda pid: names.get(pid, ""))
        st.text_input(c.t("remind.email"), key="remind_email", max_chars=254, placeholder="navn@eksempel.dk")
        st.radio(c.t("remind.lang"), options=list(LANGS), key="remind_lang", horizontal=True,
                 index=list(LANGS).index(c.lang) if c.lang in LANGS else 0,
                 format_func=lambda lang: c.t(f"remind.lang.{lang}"))
        st.checkbox(c.t("remind.digest"), key="remind_digest")
        st.form_submit_button(c.t("remind.subscribe"), key="remind_subscribe", type="primary",
                              icon=":material/mail:", on_click=_subscribe, args=(c,))


def _active(c: shell.Page, sub: Subscription) -> None:
    person = c.snap.person(sub.person_id)
    name = person.name if person else ""
    left, right = st.columns([3, 1], vertical_alignment="center")
    if sub.confirmed_at is None:
        expired = sub.confirm_until is not None and sub.confirm_until < datetime.now(UTC)
        left.markdown(c.t("remind.pending_expired" if expired else "remind.pending", person=plain(name),
                          email=plain(sub.email), until=fmt_datetime(sub.confirm_until, c.lang)))
        right.button(c.t("remind.resend", person=plain(name)), key=f"remind_resend_{sub.person_id}",
                     on_click=_opt_in, args=(c, sub.person_id, sub.email, sub.lang, sub.digest))
        return
    text = c.t("remind.active", person=plain(name), email=plain(sub.email), lang=c.t(f"remind.lang.{sub.lang}"),
               when=fmt_datetime(sub.consented_at, c.lang), by=plain(sub.consented_by))
    extra = [c.t("remind.confirmed", when=fmt_datetime(sub.confirmed_at, c.lang))]
    if sub.digest:
        extra.append(c.t("remind.with_digest"))
    left.markdown(f"{text} ({', '.join(extra)})")
    right.button(c.t("remind.stop", person=plain(name)), key=f"remind_stop_{sub.person_id}", on_click=_stop,
                 args=(c, sub.person_id))


def _subscribe(c: shell.Page) -> None:
    email = str(ss.get("remind_email") or "").strip()
    person, lang = str(ss.get("remind_person") or ""), str(ss.get("remind_lang") or c.lang)
    _opt_in(c, person, email, lang, bool(ss.get("remind_digest")))


def _opt_in(c: shell.Page, person_id: str, email: str, lang: str, digest: bool) -> None:
    """Record the opt-in (pending) and mail its confirmation link at once."""
    token = new_token()
    done = editor.act(c, "remind", lambda: c.store.mail_subscribe(c.access, person_id, email, lang, c.name,
                                                                    confirm_token=token, digest=digest),
                      problem="" if looks_like_email(email) else c.t("err.bad_email"))
    if not done:
        return
    sub = done.value
    person = c.snap.person(person_id)
    base = shell.base_url()
    remind_job.note_base_url(base)
    mail = compose(sub.email, person.name if person else "", c.snap.project.title, sub.lang,
                   confirm_url(base, token, sub.lang), sub.confirm_until, sub.digest)
    try:
        smtp = settings.from_config(shell.secrets())
        if smtp is None:
            raise MailError("mail is not set up")
        remind.send_one(smtp, mail)
    except (MailError, settings.SettingsError):
        editor.flash("remind", "error", c.t("remind.confirm_failed"))
        return
    editor.flash("remind", "success", c.t("remind.sent_confirm", email=plain(sub.email)))


def _stop(c: shell.Page, person_id: str) -> None:
    editor.act(c, "remind", lambda: c.store.mail_stop(c.access, person_id, c.name), done=c.t("remind.stopped"))


def _without_mail(c: shell.Page) -> None:
    """No SMTP here: the calendar file and a mail to oneself with the next deadlines."""
    st.caption(c.t("remind.off"))
    today = date.today()
    soon = sorted((t for t in c.snap.tasks if t.due is not None and t.status is not TaskStatus.DONE
                   and today <= t.due <= today + timedelta(days=MAILTO_DAYS)), key=lambda t: t.due or today)
    lines = [c.t("remind.mailto_line", day=fmt_date(t.due, c.lang), what=t.title) for t in soon]
    body = "\n".join(lines) or c.t("remind.mailto_none", days=MAILTO_DAYS)
    href = mailto("", c.t("remind.mailto_subject", project=c.snap.project.title), body)
    cal, mail = st.columns(2)
    with cal:
        file_links.show(file_links.FileLink("remind_ics", c.t("remind.calendar"),
                                            file_links.url(c.access.token, "calendar.ics", c.lang),
                                            downloads.file_name(c.snap, "calendar.ics", c.lang)))
    with mail, st.container(key="remind_mailto"):
        st.html(f'<a href="{html.escape(href, quote=True)}">{html.escape(c.t("remind.mailto"))}</a>')
