using Boilerplate.ServiceInterface.Registration;
using Boilerplate.ServiceInterface.Users;

namespace Boilerplate.Tests.Registration;

/// <summary>A registration in flight holds its email and username, by the keys their unique indexes compare, until it ends.</summary>
public class RegistrationReservationsTests
{
    private readonly RegistrationReservations reservations = new();

    [Test]
    public void A_held_email_or_username_is_refused_as_taken_whatever_its_casing_or_spaces()
    {
        using var held = reservations.Reserve("Alice@Example.com", "Alice");

        Assert.Throws<UserExistsException>(() => reservations.Reserve(" alice@example.COM ", "other"));
        Assert.Throws<UserExistsException>(() => reservations.Reserve("other@example.com", " ALICE "));
    }

    [Test]
    public void Names_are_free_again_once_the_reservation_ends()
    {
        reservations.Reserve("alice@example.com", "alice").Dispose();

        Assert.DoesNotThrow(() => reservations.Reserve("alice@example.com", "alice").Dispose());
    }

    [Test]
    public void A_refusal_for_the_username_lets_go_of_the_email_it_had_taken()
    {
        using var held = reservations.Reserve("alice@example.com", "alice");

        Assert.Throws<UserExistsException>(() => reservations.Reserve("bob@example.com", "alice"));
        Assert.DoesNotThrow(() => reservations.Reserve("bob@example.com", "bob").Dispose());
    }

    [Test]
    public void Ending_a_reservation_twice_frees_nothing_a_later_one_holds()
    {
        var first = reservations.Reserve("alice@example.com", "alice");
        first.Dispose();
        using var second = reservations.Reserve("alice@example.com", "alice");

        first.Dispose();

        Assert.Throws<UserExistsException>(() => reservations.Reserve("alice@example.com", "other"));
    }
}
