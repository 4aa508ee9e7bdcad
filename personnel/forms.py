from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from config.dates import today
from config.inputs import SafeForm, SafeModelForm
from personnel.deadlines import WITHIN_DAYS
from personnel.models import Contract, ContractAmendment, Order
from staffing.forms import DATE_WIDGET, AssignmentForm, DateForm, HireForm


class OrderFieldsMixin(SafeForm):
    """The order that makes a change: its date, basis and signatory (the number comes from the register)."""

    order_date = forms.DateField(label=_("Order date"), widget=DATE_WIDGET, initial=today)
    basis = forms.CharField(
        label=_("Basis"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. the employee's application, or the article of the Labour Code for a dismissal."),
    )
    signed_by = forms.CharField(
        label=_("Signed by"),
        required=False,
        max_length=200,
        help_text=_("Left empty: the centre's director."),
    )


class HireOrderForm(HireForm, OrderFieldsMixin):
    pass


class AssignmentOrderForm(AssignmentForm, OrderFieldsMixin):
    kind = forms.ChoiceField(
        label=_("Kind of order"),
        choices=[(Order.Kind.TRANSFER, Order.Kind.TRANSFER.label), (Order.Kind.CATEGORY, Order.Kind.CATEGORY.label)],
        initial=Order.Kind.TRANSFER,
    )


class DismissalOrderForm(DateForm, OrderFieldsMixin):
    basis = forms.CharField(
        label=_("Basis"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. Labour Code of the Republic of Kazakhstan, article 56 (at the employee's initiative)."),
    )


class OtherOrderForm(OrderFieldsMixin):
    """A change of rate or a leave: an order that does not change the work history."""

    kind = forms.ChoiceField(
        label=_("Kind of order"),
        choices=[(Order.Kind.LEAVE, Order.Kind.LEAVE.label), (Order.Kind.RATE, Order.Kind.RATE.label)],
    )
    effective_date = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("Until (leave)"), widget=DATE_WIDGET, required=False)
    rate = forms.DecimalField(
        label=_("New rate"), required=False, min_value=Decimal("0.05"), max_value=Decimal("1.5"), decimal_places=2
    )
    detail = forms.CharField(
        label=_("Detail"), required=False, max_length=500, help_text=_("e.g. annual paid leave, 24 calendar days.")
    )


class CancelOrderForm(OrderFieldsMixin):
    basis = forms.CharField(
        label=_("Why the order is cancelled"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ContractForm(SafeModelForm):
    class Meta:
        model = Contract
        fields = [
            "number",
            "signed_on",
            "kind",
            "start_date",
            "end_date",
            "probation_end",
            "rate",
            "registered_on",
            "termination_registered_on",
        ]
        widgets = {
            name: DATE_WIDGET
            for name in (
                "signed_on",
                "start_date",
                "end_date",
                "probation_end",
                "registered_on",
                "termination_registered_on",
            )
        }


class AmendmentForm(SafeModelForm):
    class Meta:
        model = ContractAmendment
        fields = ["number", "signed_on", "change", "registered_on"]
        widgets = {"signed_on": DATE_WIDGET, "registered_on": DATE_WIDGET, "change": forms.Textarea(attrs={"rows": 3})}


class DeadlineFilterForm(SafeForm):
    text_formulas = False

    centre = forms.ChoiceField(label=_("Centre"), required=False)
    within = forms.TypedChoiceField(
        label=_("Within"),
        coerce=int,
        required=False,
        empty_value=WITHIN_DAYS,
        initial=WITHIN_DAYS,  # the horizon shown before a choice is made
        choices=[(7, _("7 days")), (14, _("14 days")), (30, _("30 days")), (90, _("90 days"))],
    )

    def __init__(self, *args, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].choices = [("", _("All my centres"))] + [(c.code, c.name) for c in centres]
