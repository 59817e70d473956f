"""The association's room (issue 26) as ``ps_*`` calls: ``RpcStore`` takes these functions
as its methods (``agenda = rpc_room.agenda``), so that rpc.py stays one screenful per idea."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from partnership import exchange
from partnership.model import Access, Agenda, Candidate, PrivateRound, Role
from partnership.store.base import new_token
from partnership.store.rpc_wire import agenda as _agenda
from partnership.store.rpc_wire import text as _text

if TYPE_CHECKING:
    from partnership.store.rpc import RpcStore


def agenda(self: RpcStore, access: Access, point: int, expected_version: int, actor: str) -> Agenda:
    return _agenda(self._expect(self._at(access, "ps_agenda", {
        "p_point": point, "p_expected_version": expected_version, "p_actor": _text(actor)}), Mapping))


def private_round(self: RpcStore, access: Access, device: str) -> PrivateRound:
    data = self._expect(self._at(access, "ps_private_round", {"p_device": _text(device)}, read=True), Mapping)
    return self._records(lambda: PrivateRound(bool(data["open"]), [exchange.record(Candidate, c) for c in data["mine"]],
                                              self._int(data["hidden"])))


def start_from(self: RpcStore, access: Access, title: str, our_org: str, creator: str, *,
               caller: str | None = None) -> tuple[Access, dict[str, str]]:
    tokens = {role.value: new_token() for role in Role}
    data = self._expect(self._call("ps_start_from", {
        "p_token": access.token, "p_project": access.project_id, "p_title": _text(title),
        "p_our_org": _text(our_org), "p_creator": _text(creator), "p_owner_token": tokens["owner"],
        "p_partner_token": tokens["partner"], "p_viewer_token": tokens["viewer"],
        "p_member_token": tokens["member"]}, read=False, headers=self._caller(caller)), Mapping)
    new = Access(str(data["project_id"]), Role.OWNER, tokens["owner"])
    self._seal_new(new, tokens)
    return new, tokens
