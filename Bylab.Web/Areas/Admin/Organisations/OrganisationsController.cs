using Bylab.Core.Organisations;
using Bylab.Web.Features.Bookings;
using Bylab.Web.Features.Organise;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bylab.Web.Areas.Admin.Organisations;

/// <summary>Staff register the organisations that borrow the venue, their contact, quota and members.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Staff)]
[Route("admin/organisasjoner")]
public sealed class OrganisationsController(OrganisationService organisations, IStringLocalizer<BookingsResource> l) : Controller
{
    private string ActorId => User.UserId()!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await organisations.ListAsync(ct));

    [HttpGet("ny")]
    public IActionResult Create() => View("Edit", new OrganisationForm());

    [HttpPost("ny")]
    public async Task<IActionResult> Create(OrganisationForm form, [FromServices] IValidator<OrganisationForm> validator, CancellationToken ct)
    {
        if (!ModelState.Validate(validator, form))
        {
            return View("Edit", form);
        }
        var result = await organisations.CreateAsync(form.ToInput(), ActorId, ct);
        if (result.Outcome != OrganisationOutcome.Saved)
        {
            BookingMessages.AddTo(ModelState, result.Errors ?? [], l);
            return View("Edit", form);
        }
        TempData["Message"] = l["Admin.Organisation.Created"].Value;
        return RedirectToAction(nameof(Edit), new { id = result.OrganisationId });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        if (await organisations.FindAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }
        var form = OrganisationForm.From(organisation);
        form.Members = await organisations.MembersAsync(id, ct);
        return View(form);
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(int id, OrganisationForm form, [FromServices] IValidator<OrganisationForm> validator, CancellationToken ct)
    {
        if (await organisations.FindAsync(id, ct) is not { } organisation)
        {
            return NotFound();
        }
        form.Stored = organisation;
        form.Members = await organisations.MembersAsync(id, ct);
        if (!ModelState.Validate(validator, form))
        {
            return View(form);
        }
        var result = await organisations.UpdateAsync(id, form.ToInput(), ActorId, ct);
        if (result.Outcome == OrganisationOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome != OrganisationOutcome.Saved)
        {
            BookingMessages.AddTo(ModelState, result.Errors ?? [], l);
            return View(form);
        }
        TempData["Message"] = l["Admin.Organisation.Saved"].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/medlemmer")]
    public async Task<IActionResult> AddMember(int id, MemberForm member, [FromServices] IValidator<MemberForm> validator, CancellationToken ct)
    {
        if (await organisations.FindAsync(id, ct) is null)
        {
            return NotFound();
        }
        var outcome = ModelState.Validate(validator, member)
            ? await organisations.AddMemberAsync(id, member.Email!, ActorId, ct)
            : OrganisationOutcome.InvalidInput;
        TempData[outcome == OrganisationOutcome.Saved ? "Message" : "Problem"] = l["Admin.Member." + outcome].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpPost("{id:int}/medlemmer/fjern")]
    public async Task<IActionResult> RemoveMember(int id, [FromForm] string userId, CancellationToken ct)
    {
        var outcome = await organisations.RemoveMemberAsync(id, userId, ActorId, ct);
        TempData[outcome == OrganisationOutcome.Saved ? "Message" : "Problem"] = l["Admin.Member.Removed." + outcome].Value;
        return RedirectToAction(nameof(Edit), new { id });
    }
}
